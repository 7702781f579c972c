<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../cs_companion/ui/actions.py" line="37" />
        <source>新会话</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/actions.py" line="38" />
        <source>收藏/取消收藏</source>
        <translation>Add/remove favourite</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/actions.py" line="39" />
        <source>切换平台</source>
        <translation>Switch platform</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/actions.py" line="40" />
        <source>停靠到屏幕左侧</source>
        <translation>Dock to left edge of screen</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/actions.py" line="41" />
        <source>停靠到屏幕右侧</source>
        <translation>Dock to right edge of screen</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/actions.py" line="42" />
        <source>复制到我的话术</source>
        <translation>Copy to My replies</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/actions.py" line="43" />
        <source>我的话术…</source>
        <translation>My replies…</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/actions.py" line="44" />
        <source>检查更新</source>
        <translation>Check for updates</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/actions.py" line="45" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/actions.py" line="46" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../cs_companion/ui/banner.py" line="31" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message>
        <location filename="../../cs_companion/ui/delivery.py" line="103" />
        <source>全局快捷键不可用：</source>
        <translation>The global hotkey is not available: </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/delivery.py" line="103" />
        <source>。可在“设置”里换一个组合</source>
        <translation>. Choose another combination in Settings</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/delivery.py" line="146" />
        <source>没有可返回的聊天窗口</source>
        <translation>No chat window to go back to</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/delivery.py" line="169" />
        <source>找不到要粘贴的聊天窗口（可能已关闭）：回复已复制，请在聊天窗口按 Ctrl+V</source>
        <translation>The chat window to paste into is gone (closed?): the reply is copied, press Ctrl+V in the chat</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/delivery.py" line="176" />
        <source>无法切换到聊天窗口：回复已复制，请手动粘贴</source>
        <translation>Cannot switch to the chat window: the reply is copied, please paste it yourself</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/delivery.py" line="191" />
        <source>聊天窗口没有响应切换：回复已复制，请手动粘贴</source>
        <translation>The chat window did not come to the front: the reply is copied, please paste it yourself</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/delivery.py" line="201" />
        <source>无法发送粘贴按键：</source>
        <translation>Cannot send the paste keystroke: </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/delivery.py" line="201" />
        <source>。回复已复制，请手动粘贴</source>
        <translation>. The reply is copied, please paste it yourself</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/delivery.py" line="214" />
        <source>无法发送回车：</source>
        <translation>Cannot press Enter: </translation>
    </message>
</context>
<context>
    <name>DueStrip</name>
    <message>
        <location filename="../../cs_companion/ui/reminders_panel.py" line="173" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_panel.py" line="176" />
        <source>稍后</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_panel.py" line="179" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_panel.py" line="192" />
        <source>（另有 %1 条到期）</source>
        <translation>(%1 more due)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_panel.py" line="193" />
        <source>⏰ 提醒到期：</source>
        <translation>⏰ Reminder due: </translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="37" />
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="38" />
        <source>今天18:00前</source>
        <translation>By 18:00 today</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="39" />
        <source>明天</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="40" />
        <source>明天中午前</source>
        <translation>By noon tomorrow</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="41" />
        <source>48小时内</source>
        <translation>Within 48 hours</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="42" />
        <source>3个工作日内</source>
        <translation>Within 3 business days</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="43" />
        <source>7个工作日内</source>
        <translation>Within 7 business days</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="125" />
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="146" />
        <location filename="../../cs_companion/ui/field_form.py" line="160" />
        <source>默认：</source>
        <translation>Default: </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="146" />
        <source>例如 明天 / 3个工作日内</source>
        <translation>e.g. Tomorrow / Within 3 business days</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="162" />
        <source>金额（元）</source>
        <translation>Amount (¥)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="165" />
        <source>粘贴订单号</source>
        <translation>Paste order number</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="234" />
        <source>取自客户消息，可修改</source>
        <translation>Taken from the customer's message; you can edit it</translation>
    </message>
</context>
<context>
    <name>FollowUpChooser</name>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="52" />
        <source>设置跟进提醒</source>
        <translation>Set a follow-up reminder</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="59" />
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="60" />
        <source>订单号</source>
        <translation>Order number</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="63" />
        <source>例如 回电告知退款进度（不要写客户原话）</source>
        <translation>e.g. call back about the refund (do not copy the customer's words)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="64" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="67" />
        <source>按预计时间（%1）</source>
        <translation>At the ETA (%1)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="67" />
        <source>按预计时间</source>
        <translation>At the ETA</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="69" />
        <source>30 分钟后</source>
        <translation>In 30 minutes</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="70" />
        <source>2 小时后</source>
        <translation>In 2 hours</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="71" />
        <source>明天 10:00</source>
        <translation>Tomorrow 10:00</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="82" />
        <source>当前话术没有填写预计时间</source>
        <translation>The current reply has no ETA filled in</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="95" />
        <source>按所选时间提醒</source>
        <translation>Remind at the chosen time</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="105" />
        <source>看不懂预计时间“%1”，请在下面选择提醒时间</source>
        <translation>Cannot read the ETA “%1”; choose the reminder time below</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../cs_companion/ui/import_preview_dialog.py" line="34" />
        <source>导入预览</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/import_preview_dialog.py" line="40" />
        <source>无</source>
        <translation>none</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cs_companion/ui/import_preview_dialog.py" line="42" />
        <source>共 %n 条话术</source>
        <translation>
            <numerusform>%n script</numerusform>
            <numerusform>%n scripts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/import_preview_dialog.py" line="43" />
        <source>识别出的字段：</source>
        <translation>Fields found: </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/import_preview_dialog.py" line="44" />
        <source>场景建议：%1 条较有把握，%2 条需要确认</source>
        <translation>Suggested scenarios: %1 fairly sure, %2 to confirm</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cs_companion/ui/import_preview_dialog.py" line="47" />
        <source>需要复核：%n 条（场景或字段是猜的、与已有话术相似、或有合规提醒）</source>
        <translation>
            <numerusform>To review: %n (guessed scenario or field, similar to an existing script, or a compliance note)</numerusform>
            <numerusform>To review: %n (guessed scenarios or fields, similar to existing scripts, or compliance notes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cs_companion/ui/import_preview_dialog.py" line="50" />
        <source>未导入：%n 行（见下方）</source>
        <translation>
            <numerusform>Not imported: %n row (see below)</numerusform>
            <numerusform>Not imported: %n rows (see below)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/import_preview_dialog.py" line="55" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/import_preview_dialog.py" line="55" />
        <source>建议场景</source>
        <translation>Suggested scenario</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/import_preview_dialog.py" line="55" />
        <source>把握</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/import_preview_dialog.py" line="55" />
        <source>复核</source>
        <translation>Review</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cs_companion/ui/import_preview_dialog.py" line="73" />
        <source>
……另有 %n 行</source>
        <translation>
            <numerusform>
… and %n more row</numerusform>
            <numerusform>
… and %n more rows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/import_preview_dialog.py" line="78" />
        <source>加入我的话术</source>
        <translation>Add to my scripts</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/import_preview_dialog.py" line="79" />
        <source>存为团队话术文件…</source>
        <translation>Save as a team library file…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cs_companion/ui/main_window.py" line="64" />
        <source>客服快捷回复助手</source>
        <translation>CS Quick Reply Assistant</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/main_window.py" line="93" />
        <source>置顶</source>
        <translation>Pin</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/main_window.py" line="93" />
        <source>窗口置顶</source>
        <translation>Keep window on top</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/main_window.py" line="96" />
        <source>菜单</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/main_window.py" line="179" />
        <source>请先填写必填项</source>
        <translation>Fill in the required fields first</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/main_window.py" line="192" />
        <source>✓ 已复制</source>
        <translation>✓ Copied</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/main_window.py" line="192" />
        <source>已复制（已确认含违规内容）</source>
        <translation>Copied (violation confirmed)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/main_window.py" line="212" />
        <source>新会话：已清空填写内容</source>
        <translation>New chat: fields cleared</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/main_window.py" line="221" />
        <source>已收藏</source>
        <translation>Added to Favourites</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/main_window.py" line="221" />
        <source>已取消收藏</source>
        <translation>Removed from Favourites</translation>
    </message>
</context>
<context>
    <name>MyScriptsDialog</name>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="108" />
        <source>我的话术</source>
        <translation>My replies</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="114" />
        <source>自己的话术保存在本机，团队更新不会覆盖；可导出备份或分享给同事。</source>
        <translation>Your own replies are stored on this computer and are never overwritten by team updates. Export them to back up or share with colleagues.</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="122" />
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="123" />
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="124" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="125" />
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="126" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="194" />
        <source>删除这条我的话术？</source>
        <translation>Delete this reply from My replies?</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="207" />
        <source>导入话术</source>
        <translation>Import replies</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="207" />
        <source>话术文件 (*.yaml *.yml *.xlsx *.csv *.tsv *.txt);;所有文件 (*)</source>
        <translation>Phrase files (*.yaml *.yml *.xlsx *.csv *.tsv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="249" />
        <source>存为团队话术文件</source>
        <translation>Save as a team library file</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="258" />
        <source>已保存。标了“# 复核”的行请先检查，再放进团队话术文件夹。</source>
        <translation>Saved. Check the lines marked “# 复核” before putting the file into the team folder.</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="265" />
        <source>导出话术</source>
        <translation>Export replies</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="267" />
        <source>话术库 YAML (*.yaml);;Excel (*.xlsx);;CSV (*.csv);;Espanso (*.yml)</source>
        <translation>Library YAML (*.yaml);;Excel (*.xlsx);;CSV (*.csv);;Espanso (*.yml)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="286" />
        <source>已导出 %n 条</source>
        <translation>
            <numerusform>Exported %n reply</numerusform>
            <numerusform>Exported %n replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NudgeDialog</name>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="128" />
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="148" />
        <source>开始催付</source>
        <translation>Start payment nudges</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="131" />
        <source>下单后 10 分钟、1 小时、3 小时、12 小时、24 小时各提醒一次，打开对应催付话术。</source>
        <translation>Reminds 10 minutes, 1, 3, 12 and 24 hours after the order and opens the matching nudge script.</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="137" />
        <source>订单号</source>
        <translation>Order number</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="141" />
        <source>下单时间</source>
        <translation>Order time</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminder_dialogs.py" line="157" />
        <source>请填写订单号</source>
        <translation>Please enter the order number</translation>
    </message>
</context>
<context>
    <name>PlatformSwitch</name>
    <message>
        <location filename="../../cs_companion/ui/platform_switch.py" line="35" />
        <source>当前平台：话术按平台显示 (Ctrl+P 切换)</source>
        <translation>Current platform: scripts are shown for it (Ctrl+P to switch)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/platform_switch.py" line="92" />
        <source>已切换到 %1</source>
        <translation>Switched to %1</translation>
    </message>
</context>
<context>
    <name>RemindersController</name>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="81" />
        <source>设置跟进提醒…</source>
        <translation>Set a follow-up reminder…</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="82" />
        <source>开始催付…</source>
        <translation>Start payment nudges…</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="83" />
        <source>提醒列表</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="122" />
        <location filename="../../cs_companion/ui/reminders_controller.py" line="132" />
        <source>提醒未能保存：</source>
        <translation>The reminder could not be saved: </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="141" />
        <source>等 %1 条提醒</source>
        <translation>and %1 more reminders</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="143" />
        <source>客服提醒到期</source>
        <translation>Reminder due</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="154" />
        <source>已设提醒：</source>
        <translation>Reminder set: </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="162" />
        <source>已开始催付：%1 个提醒</source>
        <translation>Payment nudges started: %1 reminders</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="162" />
        <source>该订单已在催付中</source>
        <translation>This order is already being nudged</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="169" />
        <source>已停止催付</source>
        <translation>Payment nudges stopped</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="183" />
        <source>提醒 %1</source>
        <translation>Reminders %1</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="183" />
        <source>提醒</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="185" />
        <source>到期 %1 · 待办 %2（Ctrl+T 设置提醒）</source>
        <translation>Due %1 · to do %2 (Ctrl+T sets a reminder)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="244" />
        <source>这条话术约定了回复时间，但看不懂预计时间；请按 Ctrl+T 设置提醒</source>
        <translation>This reply promises a time, but the ETA cannot be read; press Ctrl+T to set a reminder</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_controller.py" line="251" />
        <source>已自动设置跟进提醒：%1 %2</source>
        <translation>Follow-up reminder set: %1 %2</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <location filename="../../cs_companion/ui/reminders_panel.py" line="80" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_panel.py" line="81" />
        <source>打开对应话术并填好订单号</source>
        <translation>Open the matching script with the order number filled</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_panel.py" line="84" />
        <source>稍后</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_panel.py" line="87" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_panel.py" line="89" />
        <source>已付款，停止催付</source>
        <translation>Paid: stop nudging</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_panel.py" line="107" />
        <source>提醒：到期 %1 · 待办 %2</source>
        <translation>Reminders: due %1 · to do %2</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reminders_panel.py" line="126" />
        <source>没有提醒。Ctrl+T 为当前会话设置跟进提醒。</source>
        <translation>No reminders. Ctrl+T sets a follow-up for the current chat.</translation>
    </message>
</context>
<context>
    <name>ReplyPanel</name>
    <message>
        <location filename="../../cs_companion/ui/reply_panel.py" line="74" />
        <source>收藏 (Ctrl+D)</source>
        <translation>Favourite (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reply_panel.py" line="90" />
        <source>已手动修改回复；点“恢复”可重新生成</source>
        <translation>Reply edited manually; click “Restore” to regenerate it</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reply_panel.py" line="99" />
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reply_panel.py" line="100" />
        <source>丢弃手动修改，按字段重新生成回复</source>
        <translation>Discard manual edits and regenerate the reply from the fields</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reply_panel.py" line="104" />
        <source>新会话</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reply_panel.py" line="105" />
        <source>清空订单号等已填内容 (Ctrl+N)</source>
        <translation>Clear order number and other filled-in fields (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reply_panel.py" line="109" />
        <source>复制回复</source>
        <translation>Copy reply</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reply_panel.py" line="111" />
        <source>复制到剪贴板 (Enter / Ctrl+Enter)</source>
        <translation>Copy to clipboard (Enter / Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reply_panel.py" line="114" />
        <source>粘贴到聊天</source>
        <translation>Paste to chat</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reply_panel.py" line="116" />
        <source>粘贴到刚才的聊天窗口，焦点回到聊天 (Shift+Enter)</source>
        <translation>Paste into the chat window you came from and go back to it (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reply_panel.py" line="134" />
        <source>没有匹配的话术</source>
        <translation>No matching replies</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reply_panel.py" line="143" />
        <source>思路：</source>
        <translation>Tip: </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reply_panel.py" line="227" />
        <source>请先填写必填项</source>
        <translation>Fill in the required fields first</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/reply_panel.py" line="236" />
        <source>⛔ 回复含平台禁止的内容，建议修改；确需发送请在5秒内再按一次</source>
        <translation>⛔ The reply breaks a platform rule. Please edit it; to send it anyway, press again within 5 s</translation>
    </message>
</context>
<context>
    <name>ReplyPreview</name>
    <message>
        <location filename="../../cs_companion/ui/preview.py" line="39" />
        <source>选择一条话术，回复会显示在这里</source>
        <translation>Select a reply to preview it here</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/preview.py" line="122" />
        <source>发送前请修改：</source>
        <translation>Fix before sending:</translation>
    </message>
</context>
<context>
    <name>ScriptEditor</name>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="45" />
        <source>编辑我的话术</source>
        <translation>Edit reply</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="45" />
        <source>新建我的话术</source>
        <translation>New reply</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="51" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="61" />
        <source>场景</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="63" />
        <source>用逗号分隔，例如 催件，物流慢</source>
        <translation>Comma-separated, e.g. chasing order, slow delivery</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="64" />
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="66" />
        <source>客户常见说法，用逗号分隔</source>
        <translation>Common customer phrasings, comma-separated</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="67" />
        <source>客户说法</source>
        <translation>Customer says</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="69" />
        <source>回复内容（用 {{order_no}}、{{amount}}、{{eta}} 等插入要填写的内容）</source>
        <translation>Reply text (use {{order_no}}, {{amount}}, {{eta}} etc. for fields to fill in)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="73" />
        <source>处理思路（不会复制给客户）</source>
        <translation>Handling tip (not copied to the customer)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/my_scripts_dialog.py" line="82" />
        <source>标题和回复内容不能为空</source>
        <translation>Title and reply text are required</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../cs_companion/ui/search_panel.py" line="56" />
        <source>搜索话术：中文 / 拼音 / 首字母，或粘贴客户消息</source>
        <translation>Search: words, pinyin, initials, or paste a message</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/search_panel.py" line="73" />
        <source>没有完全匹配的话术，可能是：</source>
        <translation>No exact match. Did you mean:</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/search_panel.py" line="147" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/search_panel.py" line="147" />
        <source>★收藏</source>
        <translation>★Favourites</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/search_panel.py" line="150" />
        <source>最近</source>
        <translation>Recent</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="50" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="54" />
        <source>窗口始终置顶</source>
        <translation>Always keep window on top</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="61" />
        <source>字号</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="64" />
        <source>屏幕右侧</source>
        <translation>Right edge of screen</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="65" />
        <source>屏幕左侧</source>
        <translation>Left edge of screen</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="66" />
        <source>不停靠</source>
        <translation>Don't dock</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="70" />
        <source>首次启动停靠</source>
        <translation>Dock on first launch</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="77" />
        <source>界面语言（重启后生效）</source>
        <translation>Language (applies after restart)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="79" />
        <source>共享文件夹路径，或 https:// 地址</source>
        <translation>Shared folder path or https:// URL</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="81" />
        <source>团队话术来源</source>
        <translation>Team library source</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="92" />
        <source>由管理员统一设置，不能修改</source>
        <translation>Set by your administrator; can't be changed</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="96" />
        <source>设置…</source>
        <translation>Set…</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="99" />
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="102" />
        <location filename="../../cs_companion/ui/settings_dialog.py" line="234" />
        <location filename="../../cs_companion/ui/settings_dialog.py" line="242" />
        <location filename="../../cs_companion/ui/settings_dialog.py" line="249" />
        <source>访问令牌</source>
        <translation>Access token</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="107" />
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="108" />
        <source>检查更新间隔</source>
        <translation>Update check interval</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="114" />
        <source>清除使用记录…</source>
        <translation>Clear history…</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="115" />
        <source>忘记最近使用和使用次数（收藏保留）</source>
        <translation>Forget recent scripts and use counts (favourites stay)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="130" />
        <source>例如 Ctrl+Alt+Space；留空则不使用</source>
        <translation>e.g. Ctrl+Alt+Space; empty to turn it off</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="131" />
        <source>全局快捷键</source>
        <translation>Global hotkey</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="139" />
        <source>Shift+Insert（终端、远程桌面）</source>
        <translation>Shift+Insert (terminals, remote desktops)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="141" />
        <source>粘贴按键</source>
        <translation>Paste keys</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="142" />
        <source>回车直接粘贴到聊天窗口（否则只复制）</source>
        <translation>Enter pastes into the chat window (otherwise it only copies)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="145" />
        <source>粘贴后自动按回车发送</source>
        <translation>Press Enter to send after pasting</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="148" />
        <source>粘贴后恢复原来的剪贴板内容</source>
        <translation>Restore the previous clipboard after pasting</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="151" />
        <source>监视剪贴板：复制客户消息后自动搜索并填入订单号等</source>
        <translation>Watch the clipboard: a copied customer message is searched and its order number filled in</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="158" />
        <source>夜间不提醒催付</source>
        <translation>No payment nudges at night</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="173" />
        <source>催付免打扰</source>
        <translation>Quiet hours</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="196" />
        <source>清除使用记录</source>
        <translation>Clear history</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="197" />
        <source>清除最近使用和使用次数？收藏不受影响，此操作不能撤销。</source>
        <translation>Clear recent scripts and use counts? Favourites stay. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="216" />
        <source>为了安全，只能使用 https:// 地址（本机测试地址除外）</source>
        <translation>For security only https:// addresses can be used (except local test addresses)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="218" />
        <source>只支持 https:// 地址或文件夹路径</source>
        <translation>Only https:// addresses or folder paths are supported</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="220" />
        <source>无法使用这个来源：请填写共享文件夹路径或 https:// 地址</source>
        <translation>This source cannot be used: enter a shared folder path or an https:// address</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="225" />
        <source>本机没有可用的系统密钥环</source>
        <translation>No system keyring on this computer</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="228" />
        <source>已保存在系统密钥环</source>
        <translation>Stored in the system keyring</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="228" />
        <source>未设置（不需要可留空）</source>
        <translation>Not set (leave empty if not needed)</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/settings_dialog.py" line="235" />
        <source>团队话术地址需要的访问令牌（只保存在系统密钥环）：</source>
        <translation>Access token for the team library address (kept only in the system keyring):</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../cs_companion/ui/status_line.py" line="47" />
        <source>团队库 </source>
        <translation>Team library </translation>
    </message>
</context>
<context>
    <name>UpdateMessages</name>
    <message>
        <location filename="../../cs_companion/ui/update_messages.py" line="38" />
        <source>还没有设置团队话术来源：在 设置 → 团队话术来源 填写组长给的地址或文件夹。</source>
        <translation>No team library source is set: enter the address or folder from your team lead in Settings → Team library source.</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/update_messages.py" line="44" />
        <location filename="../../cs_companion/ui/update_messages.py" line="48" />
        <source>暂时连不上团队话术服务器，正在使用上次下载的团队话术，恢复后会自动更新。</source>
        <translation>Cannot reach the team library server right now; using the last downloaded team library. It updates by itself once the server is back.</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/update_messages.py" line="52" />
        <source>团队话术来源无法使用，继续使用当前话术库。请检查 设置 → 团队话术来源，或联系组长。</source>
        <translation>The team library source cannot be used; the current library stays. Check Settings → Team library source, or ask your team lead.</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/update_messages.py" line="58" />
        <source>团队话术服务器拒绝了请求，继续使用当前话术库。请联系组长或IT。</source>
        <translation>The team library server refused the request; the current library stays. Please contact your team lead or IT.</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/update_messages.py" line="62" />
        <location filename="../../cs_companion/ui/update_messages.py" line="66" />
        <source>团队话术没有下载完整，继续使用当前话术库，稍后会自动重试。</source>
        <translation>The team library did not download completely; the current library stays and it will retry shortly.</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/update_messages.py" line="70" />
        <location filename="../../cs_companion/ui/update_messages.py" line="74" />
        <source>组长发布的团队话术有格式错误，继续使用当前话术库。请告诉组长。</source>
        <translation>The team library your lead published has format errors; the current library stays. Please tell your team lead.</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/update_messages.py" line="78" />
        <source>组长发布的团队话术没有通过合规检查，继续使用当前话术库。请告诉组长。</source>
        <translation>The team library your lead published failed the compliance check; the current library stays. Please tell your team lead.</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/update_messages.py" line="82" />
        <source>组长发布的团队话术是空的，继续使用当前话术库。请告诉组长。</source>
        <translation>The team library your lead published is empty; the current library stays. Please tell your team lead.</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/update_messages.py" line="86" />
        <source>无法保存团队话术（磁盘满了或没有权限），继续使用当前话术库。请联系IT。</source>
        <translation>The team library could not be saved (disk full or no permission); the current library stays. Please contact IT.</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/update_messages.py" line="90" />
        <source>团队话术更新失败，继续使用当前话术库（详情见日志）。</source>
        <translation>The team library update failed; the current library stays (details in the log).</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/update_messages.py" line="104" />
        <source>新增 {0}、修改 {1}、删除 {2}</source>
        <translation>{0} added, {1} changed, {2} removed</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/update_messages.py" line="108" />
        <source>团队话术库已更新：</source>
        <translation>Team library updated: </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/update_messages.py" line="114" />
        <source>团队话术库已是最新：</source>
        <translation>Team library is up to date: </translation>
    </message>
</context>
<context>
    <name>UsageRecorder</name>
    <message>
        <location filename="../../cs_companion/ui/usage_recorder.py" line="64" />
        <source>导出使用统计…</source>
        <translation>Export usage statistics…</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/usage_recorder.py" line="111" />
        <source>导出使用统计</source>
        <translation>Export usage statistics</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/usage_recorder.py" line="120" />
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/usage_recorder.py" line="122" />
        <source>已导出 %1 行使用统计</source>
        <translation>Exported %1 rows of usage statistics</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <location filename="../../cs_companion/ui/window_dialogs.py" line="33" />
        <source>设置未能保存（本次运行仍然有效）：</source>
        <translation>Settings could not be saved (they apply until you quit): </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/window_dialogs.py" line="46" />
        <source>无法保存收藏和使用记录：</source>
        <translation>Could not save favourites and history: </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/window_dialogs.py" line="55" />
        <source>磁盘已满</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/window_dialogs.py" line="57" />
        <source>没有写入权限</source>
        <translation>no permission to write</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/window_dialogs.py" line="58" />
        <source>写入失败</source>
        <translation>writing failed</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/window_dialogs.py" line="78" />
        <source>已清除使用记录</source>
        <translation>Usage history cleared</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/window_dialogs.py" line="100" />
        <source>无法复制到我的话术：</source>
        <translation>Couldn't copy to My replies: </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/window_dialogs.py" line="108" />
        <source>我的话术</source>
        <translation>My replies</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/window_dialogs.py" line="109" />
        <source>已复制到我的话术</source>
        <translation>Copied to My replies</translation>
    </message>
</context>
<context>
    <name>_EtaEditor</name>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="62" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="63" />
        <source>选择日期和时间</source>
        <translation>Pick date and time</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="71" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/field_form.py" line="83" />
        <source>前</source>
        <translation> at the latest</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../cs_companion/ui/tray.py" line="34" />
        <source>全局快捷键：</source>
        <translation>Global hotkey: </translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/tray.py" line="34" />
        <source>未启用</source>
        <translation>off</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/tray.py" line="36" />
        <source>客服快捷回复助手</source>
        <translation>CS Quick Reply Assistant</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../cs_companion/ui/tray.py" line="16" />
        <source>客服快捷回复助手</source>
        <translation>CS Quick Reply Assistant</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/tray.py" line="22" />
        <source>显示/隐藏</source>
        <translation>Show/Hide</translation>
    </message>
    <message>
        <location filename="../../cs_companion/ui/tray.py" line="26" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
</TS>