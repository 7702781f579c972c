; Inno Setup 6.3+ script: per-machine installer for cs-companion (客服快捷回复助手).
; Saved as UTF-8 with BOM so the Chinese texts survive.
;
; build\build.ps1 compiles it after the PyInstaller build, passing the version read
; from cs_companion/__init__.py. By hand, from the repository root:
;   ISCC /DAppVersion=0.1.0 /DAppFileVersion=0.1.0.0 build\installer.iss
; Input:  build\dist\cs-companion\ (bundle), build\work\icons\cs-companion.ico (make_icons.py)
; Output: build\dist\cs-companion-<version>-setup.exe
;
; Silent install (as administrator, e.g. from a software-deployment tool):
;   cs-companion-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;   add /TASKS="autostart"             to start the app at every user's sign-in
;   add /TASKS="autostart,desktopicon" for that plus a desktop shortcut
;   add /DIR="D:\Apps\cs-companion"    for another folder, /LOG="C:\Temp\cs-setup.log" for a log
;   (with /TASKS, tasks not listed are off; without it, both are off: they are unchecked by default)
; Silent uninstall:
;   "C:\Program Files\cs-companion\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Upgrade: run the newer setup the same way. The fixed AppId makes it replace the old
; version in place; a running copy is closed first (CloseApplications=force).
; Never touched by install, upgrade or uninstall: the agents' data in %APPDATA%\cs-companion
; and %LOCALAPPDATA%\cs-companion, and IT's %PROGRAMDATA%\cs-companion\config.json.
; See build\DEPLOY.md.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z build\installer.iss (build\build.ps1 does)
#endif
#ifndef AppFileVersion
  #define AppFileVersion AppVersion
#endif
#define AppName "cs-companion"
#define AppDisplayName "客服快捷回复助手"
#define AppExe "cs-companion.exe"
; Simplified Chinese wizard texts when the (unofficial) translation is installed next to ISCC.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define HasChinese
#endif

[Setup]
; The AppId identifies the product for upgrades and uninstall: never change it.
AppId={{76927F0A-1121-4FF7-BF8F-1BB08265CCCF}
AppName={#AppDisplayName}
AppVersion={#AppVersion}
AppVerName={#AppDisplayName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppFileVersion}
VersionInfoProductName={#AppDisplayName}
VersionInfoDescription={#AppDisplayName} Setup
; Per machine, into Program Files; admin rights required, no per-user mode.
PrivilegesRequired=admin
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=work\icons\cs-companion.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppDisplayName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
SetupLogging=yes
; Close a running copy before replacing its files (.pyd: Python extension modules).
CloseApplications=force
CloseApplicationsFilter=*.exe,*.dll,*.pyd
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#ifdef HasChinese
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[CustomMessages]
english.AutoStartTask=Start {#AppDisplayName} when any user signs in
english.DesktopIconTask=Create a desktop shortcut
english.LaunchNow=Start {#AppDisplayName} now
#ifdef HasChinese
chinesesimplified.AutoStartTask=用户登录 Windows 时自动启动{#AppDisplayName}
chinesesimplified.DesktopIconTask=创建桌面快捷方式
chinesesimplified.LaunchNow=立即启动{#AppDisplayName}
#endif

[Tasks]
Name: "autostart"; Description: "{cm:AutoStartTask}"; Flags: unchecked
Name: "desktopicon"; Description: "{cm:DesktopIconTask}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Remove the previous version's libraries so nothing stale lingers after an upgrade.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The whole PyInstaller one-folder bundle: cs-companion.exe (window), cs-companion-cli.exe
; (console: --self-test, validate, ...) and _internal\.
Source: "dist\{#AppName}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppDisplayName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppDisplayName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon
; {autostartup} is the all-users Startup folder in an admin install.
Name: "{autostartup}\{#AppDisplayName}"; Filename: "{app}\{#AppExe}"; Tasks: autostart

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[UninstallDelete]
; Only the program folder. User data and the machine-wide config.json are kept on purpose.
Type: filesandordirs; Name: "{app}\_internal"
