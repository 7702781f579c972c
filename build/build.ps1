<#
.SYNOPSIS
    Build cs-companion for Windows: bundle, self-test, and the Inno Setup installer.

.DESCRIPTION
    From any folder:  powershell -ExecutionPolicy Bypass -File build\build.ps1
    Steps: virtualenv (.venv in the repository root) -> pip install -e ".[build]"
    -> icons (build\make_icons.py) -> PyInstaller (companion.spec) -> frozen
    --self-test -> build\dist\cs-companion-<version>-setup.exe when Inno Setup 6.3+
    (ISCC.exe) is installed. PyInstaller works in build\work and writes build\dist
    (both git-ignored). See build\DEPLOY.md.

.PARAMETER Python
    Python used to create the virtualenv when it does not exist yet (default: the
    "py -3" launcher if present, else "python"). Use 64-bit Python 3.10 or later.

.PARAMETER SkipSelfTest
    Do not run the frozen binary's --self-test.

.PARAMETER SkipInstaller
    Stop after the bundle; do not look for ISCC.
#>
param(
    [string]$Python = "",
    [switch]$SkipSelfTest,
    [switch]$SkipInstaller
)

$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
$Venv = Join-Path $Root ".venv"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
$Work = Join-Path $Root "build\work"
$Dist = Join-Path $Root "build\dist"

function Step([string]$Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }

# Runs a program and stops on a non-zero exit code (native commands do not by themselves).
# A plain function on purpose: arguments such as "-m" reach the program untouched.
function Invoke-Native {
    $Exe, $Rest = $args
    & $Exe @Rest
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Rest -join ' ') failed with exit code $LASTEXITCODE" }
}

Step "virtualenv $Venv"
if (-not (Test-Path $VenvPython)) {
    if ($Python) { Invoke-Native $Python -m venv $Venv }
    elseif (Get-Command py -ErrorAction SilentlyContinue) { Invoke-Native py -3 -m venv $Venv }
    else { Invoke-Native python -m venv $Venv }
}
Invoke-Native $VenvPython -m pip install -q -e ".[build]"

$Name = (& $VenvPython -c "import cs_companion; print(cs_companion.APP_NAME)").Trim()
$Version = (& $VenvPython -c "import cs_companion; print(cs_companion.__version__)").Trim()
# Windows file versions are four numbers: 0.1.0 -> 0.1.0.0, 1.2.0rc1 -> 1.2.0.1
$Numbers = @([regex]::Matches($Version, "\d+") | ForEach-Object { $_.Value } | Select-Object -First 4)
while ($Numbers.Count -lt 4) { $Numbers += "0" }
$FileVersion = $Numbers -join "."
Write-Host "$Name $Version (file version $FileVersion)"

Step "icons"
Invoke-Native $VenvPython build\make_icons.py --out (Join-Path $Work "icons")

Step "pyinstaller"
$Started = Get-Date
Invoke-Native (Join-Path $Venv "Scripts\pyinstaller.exe") --noconfirm --clean --log-level WARN `
    --workpath $Work --distpath $Dist companion.spec
$Bundle = Join-Path $Dist $Name
$SizeMB = [math]::Round(((Get-ChildItem $Bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB), 1)
$Seconds = [math]::Round(((Get-Date) - $Started).TotalSeconds)
Write-Host "bundle: $Bundle, $SizeMB MB, built in $Seconds s"

if (-not $SkipSelfTest) {
    Step "self-test of the frozen binary"
    # The console variant prints the step lines; offscreen so it also works on a build server.
    $SavedPlatform = $env:QT_QPA_PLATFORM
    $env:QT_QPA_PLATFORM = "offscreen"
    try { Invoke-Native (Join-Path $Bundle "$Name-cli.exe") --self-test }
    finally { $env:QT_QPA_PLATFORM = $SavedPlatform }
}

if ($SkipInstaller) { exit 0 }

Step "installer"
$Iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $Iscc) {
    $Iscc = @(
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
    ) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
}
if (-not $Iscc) {
    Write-Warning "ISCC.exe (Inno Setup 6.3+) not found: no installer built. The bundle is in $Bundle."
    exit 0
}
Invoke-Native $Iscc /Q "/DAppVersion=$Version" "/DAppFileVersion=$FileVersion" build\installer.iss
Write-Host "installer: $(Join-Path $Dist "$Name-$Version-setup.exe")"
