<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionPanel</name>
    <message>
        <location filename="../../counter/widgets/action_panel.py" line="41" />
        <source>呼叫下一位</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/action_panel.py" line="42" />
        <source>重呼</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/action_panel.py" line="43" />
        <source>开始办理</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/action_panel.py" line="44" />
        <source>办结</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/action_panel.py" line="45" />
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/action_panel.py" line="46" />
        <source>转移</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/action_panel.py" line="47" />
        <source>挂起</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/action_panel.py" line="48" />
        <source>回呼</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/action_panel.py" line="49" />
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/action_panel.py" line="50" />
        <source>指定呼叫</source>
        <translation>Call number</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/action_panel.py" line="95" />
        <source>恢复</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/action_panel.py" line="97" />
        <source>确认过号</source>
        <translation>Confirm no-show</translation>
    </message>
</context>
<context>
    <name>AlertList</name>
    <message>
        <location filename="../../counter/widgets/alert_list.py" line="32" />
        <source>一切正常，没有需要处理的提醒。</source>
        <translation>All is well: nothing needs attention.</translation>
    </message>
</context>
<context>
    <name>CallNumberDialog</name>
    <message>
        <location filename="../../counter/dialogs/call_number.py" line="13" />
        <source>指定呼叫</source>
        <translation>Call number</translation>
    </message>
    <message>
        <location filename="../../counter/dialogs/call_number.py" line="15" />
        <source>例如 A012</source>
        <translation>e.g. A012</translation>
    </message>
    <message>
        <location filename="../../counter/dialogs/call_number.py" line="26" />
        <source>要呼叫的号码：</source>
        <translation>Number to call:</translation>
    </message>
</context>
<context>
    <name>ComplaintsView</name>
    <message>
        <location filename="../../counter/screens/complaints.py" line="62" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../counter/screens/complaints.py" line="65" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../counter/screens/complaints.py" line="65" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../counter/screens/complaints.py" line="65" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../counter/screens/complaints.py" line="65" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../counter/screens/complaints.py" line="65" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../counter/screens/complaints.py" line="79" />
        <source>答复内容（将记录答复人和时间）</source>
        <translation>Answer (your name and the time are recorded)</translation>
    </message>
    <message>
        <location filename="../../counter/screens/complaints.py" line="81" />
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../counter/screens/complaints.py" line="86" />
        <source>投诉建议</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../counter/screens/complaints.py" line="90" />
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../counter/screens/complaints.py" line="153" />
        <source>没有选中的意见。</source>
        <translation>No item selected.</translation>
    </message>
    <message>
        <location filename="../../counter/screens/complaints.py" line="157" />
        <source>答复：%1</source>
        <translation>Answer: %1</translation>
    </message>
    <message>
        <location filename="../../counter/screens/complaints.py" line="166" />
        <source>请填写答复。</source>
        <translation>Please write an answer.</translation>
    </message>
    <message>
        <location filename="../../counter/screens/complaints.py" line="174" />
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
</context>
<context>
    <name>ConnectingScreen</name>
    <message>
        <location filename="../../counter/screens/connecting.py" line="13" />
        <source>正在连接数据库…</source>
        <translation>Connecting to the database…</translation>
    </message>
    <message>
        <location filename="../../counter/screens/connecting.py" line="27" />
        <source>暂时连不上数据库</source>
        <translation>The database cannot be reached right now</translation>
    </message>
    <message>
        <location filename="../../counter/screens/connecting.py" line="29" />
        <source>%1
%2 秒后自动重试。</source>
        <translation>%1
Trying again in %2 s.</translation>
    </message>
</context>
<context>
    <name>ConsoleScreen</name>
    <message>
        <location filename="../../counter/screens/console.py" line="91" />
        <location filename="../../counter/screens/console.py" line="466" />
        <source>%1 号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="185" />
        <source>业务：%1</source>
        <translation>Services: %1</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="243" />
        <source>%1 号窗口已由工号 %2 接管。</source>
        <translation>Window %1 was taken over by staff %2.</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="253" />
        <source>你的账号已被停用。</source>
        <translation>Your account has been disabled.</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="268" />
        <source>暂停叫号：%1</source>
        <translation>Calling paused: %1</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="268" />
        <location filename="../../counter/screens/console.py" line="283" />
        <source>未注明原因</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="281" />
        <source>正在读取窗口状态…</source>
        <translation>Reading the window’s state…</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="284" />
        <source>暂停服务中（%1）。按 F9 恢复。</source>
        <translation>Paused (%1). Press F9 to reopen.</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="286" />
        <source>有挂起的客户，按 F8 回呼。</source>
        <translation>A parked customer is waiting: press F8 to resume.</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="288" />
        <source>暂无等候的客户。新客户取号后会出现在右侧列表。</source>
        <translation>Nobody is waiting. New tickets appear in the list on the right.</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="289" />
        <source>按 F1 呼叫下一位：%1</source>
        <translation>Press F1 to call the next customer: %1</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="388" />
        <location filename="../../counter/screens/console.py" line="399" />
        <source>已呼叫 %1</source>
        <translation>Called %1</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="412" />
        <source>%1 重呼次数已满，已按过号处理</source>
        <translation>%1 reached the recall limit and is a no-show</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="414" />
        <source>已重呼 %1（第 %2 次）</source>
        <translation>Recalled %1 (time %2)</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="425" />
        <source>%1 开始办理</source>
        <translation>Serving %1</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="435" />
        <source>%1 已办结</source>
        <translation>%1 finished</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="445" />
        <source>再按一次 F5 确认 %1 过号</source>
        <translation>Press F5 again to mark %1 as a no-show</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="452" />
        <source>%1 已过号</source>
        <translation>%1 is a no-show</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="469" />
        <source>%1 已转移到 %2</source>
        <translation>%1 transferred to %2</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="481" />
        <source>%1 已挂起，按 F8 回呼</source>
        <translation>%1 parked: press F8 to resume</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="489" />
        <source>已回呼 %1</source>
        <translation>Resumed %1</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="495" />
        <source>已恢复服务</source>
        <translation>Window open again</translation>
    </message>
    <message>
        <location filename="../../counter/screens/console.py" line="500" />
        <source>已暂停叫号</source>
        <translation>Calling paused</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../../counter/counter_window.py" line="58" />
        <source>柜台叫号</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../counter/counter_window.py" line="158" />
        <source>没有权限打开这个页面。</source>
        <translation>You may not open this page.</translation>
    </message>
</context>
<context>
    <name>CurrentTicketPanel</name>
    <message>
        <location filename="../../counter/widgets/current_ticket.py" line="97" />
        <source>优先 · %1</source>
        <translation>Priority · %1</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/current_ticket.py" line="100" />
        <source>已重呼 %1 次</source>
        <translation>Recalled %1 times</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/current_ticket.py" line="102" />
        <source>（无备注）</source>
        <translation>(no note)</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/current_ticket.py" line="103" />
        <source>转来：%1</source>
        <translation>Transferred: %1</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/current_ticket.py" line="105" />
        <source>办理用时</source>
        <translation>Serving for</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/current_ticket.py" line="105" />
        <source>叫号后等待</source>
        <translation>Called for</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/current_ticket.py" line="116" />
        <source>已等候 %1 分钟</source>
        <translation>Waited %1 min</translation>
    </message>
</context>
<context>
    <name>FinishDialog</name>
    <message>
        <location filename="../../counter/dialogs/finish.py" line="23" />
        <source>办结 %1</source>
        <translation>Finish %1</translation>
    </message>
    <message>
        <location filename="../../counter/dialogs/finish.py" line="24" />
        <source>办理结果（按数字键选择，回车确认）：</source>
        <translation>Outcome (press its digit, or Enter):</translation>
    </message>
</context>
<context>
    <name>HallView</name>
    <message>
        <location filename="../../counter/screens/hall.py" line="68" />
        <source>窗口</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../counter/screens/hall.py" line="70" />
        <source>等候情况</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../counter/screens/hall.py" line="72" />
        <source>提醒</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../counter/screens/hall.py" line="181" />
        <source>已取号 %1</source>
        <translation>Issued %1</translation>
    </message>
    <message>
        <location filename="../../counter/screens/hall.py" line="184" />
        <source>本机未配置打印机，请告知客户号码。</source>
        <translation>No printer at this PC: tell the customer the number.</translation>
    </message>
    <message>
        <location filename="../../counter/screens/hall.py" line="186" />
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../counter/screens/hall.py" line="219" />
        <source>已打印 %1</source>
        <translation>Printed %1</translation>
    </message>
    <message>
        <location filename="../../counter/screens/hall.py" line="221" />
        <source>%1 未能打印：%2</source>
        <translation>%1 not printed: %2</translation>
    </message>
</context>
<context>
    <name>IssuePanel</name>
    <message>
        <location filename="../../counter/widgets/issue_panel.py" line="36" />
        <source>代客取号</source>
        <translation>Issue a ticket</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/issue_panel.py" line="40" />
        <source>取号</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/issue_panel.py" line="48" />
        <source>号码，例如 A012</source>
        <translation>Number, e.g. A012</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/issue_panel.py" line="49" />
        <source>补打小票</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/issue_panel.py" line="57" />
        <source>业务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/issue_panel.py" line="59" />
        <source>优先</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/issue_panel.py" line="98" />
        <source>前面 %1 人 · 校验码 %2</source>
        <translation>%1 ahead · check code %2</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../counter/screens/login.py" line="64" />
        <source>柜台叫号 · 工作人员登录</source>
        <translation>Counter · staff login</translation>
    </message>
    <message>
        <location filename="../../counter/screens/login.py" line="68" />
        <location filename="../../counter/screens/login.py" line="84" />
        <source>工号</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../counter/screens/login.py" line="71" />
        <location filename="../../counter/screens/login.py" line="85" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../counter/screens/login.py" line="74" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../counter/screens/login.py" line="86" />
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../counter/screens/login.py" line="123" />
        <source>不进入窗口（大厅与管理）</source>
        <translation>No window (hall and management)</translation>
    </message>
    <message>
        <location filename="../../counter/screens/login.py" line="125" />
        <source>%1 号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../../counter/screens/login.py" line="127" />
        <source>（%1 在岗）</source>
        <translation> (%1 is there)</translation>
    </message>
    <message>
        <location filename="../../counter/screens/login.py" line="170" />
        <source>%1 号窗口已由 %2 登录。要接管这个窗口吗？对方将被退出。</source>
        <translation>Window %1 is in use by %2. Take it over? They will be logged out.</translation>
    </message>
    <message>
        <location filename="../../counter/screens/login.py" line="172" />
        <source>接管窗口</source>
        <translation>Take over the window</translation>
    </message>
</context>
<context>
    <name>ManagementView</name>
    <message>
        <location filename="../../counter/screens/management.py" line="45" />
        <source>业务</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../counter/screens/management.py" line="46" />
        <source>窗口</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../counter/screens/management.py" line="47" />
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../counter/screens/management.py" line="48" />
        <source>公告</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../counter/screens/management.py" line="49" />
        <source>大厅设置</source>
        <translation>Hall settings</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="80" />
        <location filename="../../counter/screens/manage_notices.py" line="126" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="80" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="80" />
        <source>有效期</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="80" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="97" />
        <source>立即生效</source>
        <translation>From now</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="101" />
        <source>长期有效</source>
        <translation>No end</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="105" />
        <source>在显示屏上显示</source>
        <translation>Show on the board</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="106" />
        <location filename="../../counter/screens/manage_notices.py" line="213" />
        <source>新建公告</source>
        <translation>New notice</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="107" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="108" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="127" />
        <source>中文内容</source>
        <translation>Chinese text</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="128" />
        <source>英文内容</source>
        <translation>English text</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="129" />
        <source>开始</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="130" />
        <source>结束</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="169" />
        <source>不显示</source>
        <translation>Hidden</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="171" />
        <source>未生效</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="173" />
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="174" />
        <source>显示中</source>
        <translation>Showing</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="180" />
        <source>即日</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="181" />
        <source>长期</source>
        <translation>open end</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="213" />
        <source>编辑公告</source>
        <translation>Edit notice</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="253" />
        <source>公告已保存</source>
        <translation>Notice saved</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="271" />
        <source>删除公告</source>
        <translation>Delete notice</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="271" />
        <source>删除这条公告？显示屏上将不再显示。</source>
        <translation>Delete this notice? The board will no longer show it.</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_notices.py" line="278" />
        <source>公告已删除</source>
        <translation>Notice deleted</translation>
    </message>
</context>
<context>
    <name>OwnFigures</name>
    <message>
        <location filename="../../counter/widgets/own_figures.py" line="14" />
        <source>今日业绩</source>
        <translation>My day</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/own_figures.py" line="24" />
        <source>办结</source>
        <translation>Served</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/own_figures.py" line="25" />
        <source>平均办理</source>
        <translation>Mean handling</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/own_figures.py" line="26" />
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/own_figures.py" line="38" />
        <source>%1 人</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/own_figures.py" line="42" />
        <source>%1 分钟</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/own_figures.py" line="45" />
        <source>暂无评价</source>
        <translation>No ratings yet</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/own_figures.py" line="48" />
        <source>%1%（%2 条评价）</source>
        <translation>%1% (%2 ratings)</translation>
    </message>
</context>
<context>
    <name>ParkedList</name>
    <message>
        <location filename="../../counter/widgets/parked_list.py" line="15" />
        <source>挂起：</source>
        <translation>Parked:</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../counter/dialogs/pause.py" line="20" />
        <source>暂停服务</source>
        <translation>Pause the window</translation>
    </message>
    <message>
        <location filename="../../counter/dialogs/pause.py" line="31" />
        <source>暂停原因（显示在大厅主管处）：</source>
        <translation>Reason (shown to the supervisor):</translation>
    </message>
</context>
<context>
    <name>ServiceTable</name>
    <message>
        <location filename="../../counter/widgets/service_table.py" line="27" />
        <source>业务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/service_table.py" line="28" />
        <source>等候</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/service_table.py" line="29" />
        <source>最长等候(分)</source>
        <translation>Longest (min)</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/service_table.py" line="30" />
        <source>今日取号</source>
        <translation>Issued today</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/service_table.py" line="31" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/service_table.py" line="73" />
        <source>可取号</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/service_table.py" line="75" />
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/service_table.py" line="76" />
        <source>非办理时间</source>
        <translation>Closed now</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/service_table.py" line="77" />
        <source>今日已满</source>
        <translation>Full today</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="61" />
        <location filename="../../counter/screens/manage_services.py" line="129" />
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="62" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="63" />
        <source>前缀</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="64" />
        <location filename="../../counter/screens/manage_services.py" line="134" />
        <source>每日限号</source>
        <translation>Daily limit</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="65" />
        <source>投诉类</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="66" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="85" />
        <source>默认同代码</source>
        <translation>default: the code</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="90" />
        <location filename="../../counter/screens/manage_services.py" line="178" />
        <source>不限</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="95" />
        <source>投诉咨询类</source>
        <translation>Complaints service</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="96" />
        <source>取号机会引导这类客户填写意见反馈</source>
        <translation>The kiosk offers these customers the feedback form</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="97" />
        <location filename="../../counter/screens/manage_services.py" line="185" />
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="98" />
        <source>不限办理时间</source>
        <translation>Open at all hours</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="103" />
        <source>不办理</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="107" />
        <source>例如 08:30-12:00, 13:30-17:30；留空表示当天不办理</source>
        <translation>e.g. 08:30-12:00, 13:30-17:30; empty: closed that day</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="111" />
        <location filename="../../counter/screens/manage_services.py" line="203" />
        <source>新建业务</source>
        <translation>New service</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="112" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="130" />
        <source>中文名称</source>
        <translation>Chinese name</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="131" />
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="132" />
        <source>号码前缀</source>
        <translation>Number prefix</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="133" />
        <source>号码位数</source>
        <translation>Number digits</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="135" />
        <source>排序</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="138" />
        <source>办理时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="184" />
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="185" />
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="203" />
        <source>编辑业务 %1</source>
        <translation>Edit service %1</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_services.py" line="267" />
        <source>已保存业务 %1</source>
        <translation>Service %1 saved</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="73" />
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="81" />
        <location filename="../../counter/screens/manage_settings.py" line="105" />
        <source> 次</source>
        <translation> times</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="83" />
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="91" />
        <source> 遍</source>
        <translation> times</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="92" />
        <source>静音（只显示不播报）</source>
        <translation>Muted (show only, no voice)</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="95" />
        <source>留空则二维码只含评价令牌</source>
        <translation>empty: the QR code holds the rating token only</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="97" />
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="98" />
        <source> 条</source>
        <translation> ratings</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="104" />
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="107" />
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="109" />
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="113" />
        <source>营业厅名称</source>
        <translation>Hall name</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="114" />
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="115" />
        <source>时区</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="117" />
        <source>限时办结</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="118" />
        <source>重呼上限</source>
        <translation>Recall limit</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="119" />
        <source>过号重排时限</source>
        <translation>No-show reactivation within</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="120" />
        <source>过号重排顺延</source>
        <translation>Reactivated after</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="121" />
        <source>暂停提醒</source>
        <translation>Pause alert after</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="122" />
        <source>默认办理时长</source>
        <translation>Default handling time</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="124" />
        <source>中文播报模板</source>
        <translation>Chinese voice template</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="125" />
        <source>英文播报模板</source>
        <translation>English voice template</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="126" />
        <source>可用 {number} 号码、{window} 窗口、{service} 业务</source>
        <translation>Use {number}, {window} and {service}</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="129" />
        <source>播报遍数</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="132" />
        <source>小票页脚</source>
        <translation>Ticket footer</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="133" />
        <source>二维码网址</source>
        <translation>QR base URL</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="134" />
        <source>评价原因</source>
        <translation>Rating reasons</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="135" />
        <source>用逗号分隔</source>
        <translation>separated by commas</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="138" />
        <source>评价有效期</source>
        <translation>Ratings accepted for</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="139" />
        <source>标兵窗口最少评价</source>
        <translation>Model window needs</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="144" />
        <source>绿色通道类别</source>
        <translation>Priority kinds</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="145" />
        <source>取号机管理密码</source>
        <translation>Kiosk PIN</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="146" />
        <source>取号机空闲返回</source>
        <translation>Kiosk idle return</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="147" />
        <source>登录失败上限</source>
        <translation>Failed logins allowed</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="148" />
        <source>锁定时长</source>
        <translation>Lock-out</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="151" />
        <source>基本信息</source>
        <translation>Hall</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="152" />
        <source>叫号与限时办结</source>
        <translation>Calling and SLA</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="153" />
        <source>语音播报</source>
        <translation>Voice</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="154" />
        <source>小票与评价</source>
        <translation>Tickets and ratings</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="155" />
        <source>取号机与安全</source>
        <translation>Kiosk and security</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_settings.py" line="269" />
        <source>设置已保存，各终端将自动更新</source>
        <translation>Settings saved; every screen in the hall updates by itself</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="65" />
        <location filename="../../counter/screens/manage_staff.py" line="96" />
        <source>工号</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="65" />
        <location filename="../../counter/screens/manage_staff.py" line="97" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="65" />
        <location filename="../../counter/screens/manage_staff.py" line="98" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="65" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="82" />
        <source>账号可用</source>
        <translation>Account enabled</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="86" />
        <source>至少 %1 位</source>
        <translation>at least %1 characters</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="88" />
        <location filename="../../counter/screens/manage_staff.py" line="167" />
        <source>新建账号</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="89" />
        <location filename="../../counter/screens/manage_staff.py" line="178" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="91" />
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="137" />
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="139" />
        <source>已锁定（登录失败过多）</source>
        <translation>Locked (too many failed logins)</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="140" />
        <source>可用</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="167" />
        <source>编辑 %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="176" />
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="176" />
        <source>初始密码</source>
        <translation>First password</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="178" />
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="207" />
        <source>已创建账号 %1</source>
        <translation>Account %1 created</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="213" />
        <source>已保存 %1</source>
        <translation>%1 saved</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_staff.py" line="223" />
        <source>已重置 %1 的密码</source>
        <translation>Password of %1 reset</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../counter/dialogs/transfer.py" line="44" />
        <source>转移 %1</source>
        <translation>Transfer %1</translation>
    </message>
    <message>
        <location filename="../../counter/dialogs/transfer.py" line="45" />
        <source>转到业务</source>
        <translation>To service</translation>
    </message>
    <message>
        <location filename="../../counter/dialogs/transfer.py" line="46" />
        <source>转到窗口</source>
        <translation>To window</translation>
    </message>
    <message>
        <location filename="../../counter/dialogs/transfer.py" line="58" />
        <source>无人</source>
        <translation>nobody</translation>
    </message>
    <message>
        <location filename="../../counter/dialogs/transfer.py" line="60" />
        <source>%1 号窗口（%2）</source>
        <translation>Window %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../counter/dialogs/transfer.py" line="65" />
        <source>给下一位办理人员的说明，例如：已收资料，需现场勘查</source>
        <translation>A note for the next clerk, e.g. documents received, site visit needed</translation>
    </message>
    <message>
        <location filename="../../counter/dialogs/transfer.py" line="81" />
        <source>备注：</source>
        <translation>Note:</translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message>
        <location filename="../../counter/widgets/waiting_list.py" line="60" />
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/waiting_list.py" line="60" />
        <source>业务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/waiting_list.py" line="60" />
        <source>已等(分)</source>
        <translation>Wait (min)</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/waiting_list.py" line="60" />
        <source>优先</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/waiting_list.py" line="100" />
        <source>转来</source>
        <translation>transferred</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/waiting_list.py" line="138" />
        <source>等候 %1 人</source>
        <translation>%1 waiting</translation>
    </message>
</context>
<context>
    <name>WindowTile</name>
    <message>
        <location filename="../../counter/widgets/window_tile.py" line="57" />
        <source>%1 号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/window_tile.py" line="63" />
        <source>无人登录</source>
        <translation>Nobody logged in</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/window_tile.py" line="76" />
        <source>办理</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/window_tile.py" line="76" />
        <source>叫号</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/window_tile.py" line="87" />
        <source>未注明原因</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/window_tile.py" line="89" />
        <source>暂停 %1 分钟：%2</source>
        <translation>Paused %1 min: %2</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/window_tile.py" line="95" />
        <source>挂起 %1</source>
        <translation>Parked %1</translation>
    </message>
</context>
<context>
    <name>WindowsPage</name>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="64" />
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="64" />
        <location filename="../../counter/screens/manage_windows.py" line="100" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="64" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="64" />
        <source>业务（主办 / 辅办）</source>
        <translation>Services (primary / secondary)</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="78" />
        <source>默认“N号窗口”</source>
        <translation>default: “Window N”</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="79" />
        <location filename="../../counter/screens/manage_windows.py" line="148" />
        <source>启用</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="82" />
        <source>办理</source>
        <translation>Serve</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="82" />
        <source>业务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="82" />
        <source>顺位（0 为主办）</source>
        <translation>Rank (0 = primary)</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="92" />
        <location filename="../../counter/screens/manage_windows.py" line="171" />
        <source>新建窗口</source>
        <translation>New window</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="93" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="99" />
        <source>窗口号</source>
        <translation>Window number</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="105" />
        <source>办理的业务：</source>
        <translation>Services served:</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="137" />
        <source>主</source>
        <translation>primary</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="137" />
        <source>辅</source>
        <translation>secondary </translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="148" />
        <source>停用</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="169" />
        <source>编辑 %1 号窗口</source>
        <translation>Edit window %1</translation>
    </message>
    <message>
        <location filename="../../counter/screens/manage_windows.py" line="222" />
        <source>已保存 %1 号窗口</source>
        <translation>Window %1 saved</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../counter/screens/workspace.py" line="93" />
        <source>柜台</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../counter/screens/workspace.py" line="94" />
        <source>大厅</source>
        <translation>Hall</translation>
    </message>
    <message>
        <location filename="../../counter/screens/workspace.py" line="95" />
        <source>投诉建议</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../counter/screens/workspace.py" line="96" />
        <source>统计报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../counter/screens/workspace.py" line="97" />
        <source>管理</source>
        <translation>Management</translation>
    </message>
</context>
<context>
    <name>WorkspaceBar</name>
    <message>
        <location filename="../../counter/widgets/workspace_bar.py" line="28" />
        <source>%1 号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/workspace_bar.py" line="35" />
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../counter/widgets/workspace_bar.py" line="51" />
        <source>数据库连接中断，正在重连…</source>
        <translation>Database connection lost, reconnecting…</translation>
    </message>
</context>
<context>
    <name>counter</name>
    <message>
        <location filename="../../counter/messages.py" line="22" />
        <source>工号或密码不对。</source>
        <translation>Wrong login or password.</translation>
    </message>
    <message>
        <location filename="../../counter/messages.py" line="23" />
        <source>这个账号已停用，请联系管理员。</source>
        <translation>This account is disabled; ask an administrator.</translation>
    </message>
    <message>
        <location filename="../../counter/messages.py" line="24" />
        <source>请选择窗口。</source>
        <translation>Please choose a window.</translation>
    </message>
    <message>
        <location filename="../../counter/messages.py" line="25" />
        <source>没有权限。</source>
        <translation>Not allowed.</translation>
    </message>
    <message>
        <location filename="../../counter/messages.py" line="26" />
        <source>这个窗口正在办理业务，请办结后再停用。</source>
        <translation>This window is serving a customer; finish first, then disable it.</translation>
    </message>
    <message>
        <location filename="../../counter/messages.py" line="27" />
        <source>不能停用或降级自己的账号。</source>
        <translation>You cannot disable or demote your own account.</translation>
    </message>
    <message>
        <location filename="../../counter/messages.py" line="28" />
        <source>这条意见已经答复过了。</source>
        <translation>This item has already been answered.</translation>
    </message>
    <message>
        <location filename="../../counter/messages.py" line="29" />
        <source>请填写答复。</source>
        <translation>Please write an answer.</translation>
    </message>
    <message>
        <location filename="../../counter/messages.py" line="46" />
        <source>登录失败次数过多，账号已锁定，请 %1 分钟后再试。</source>
        <translation>Too many failed logins: the account is locked; try again in %1 min.</translation>
    </message>
    <message>
        <location filename="../../counter/messages.py" line="51" />
        <source>%1 号窗口已由 %2 登录。</source>
        <translation>Window %1 is in use by %2.</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="14" />
        <source>空闲</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="15" />
        <source>叫号中</source>
        <translation>Calling</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="16" />
        <source>办理中</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="17" />
        <source>暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="18" />
        <source>停用</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="21" />
        <source>普通</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="22" />
        <source>老年人</source>
        <translation>Senior</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="23" />
        <source>残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="24" />
        <source>军烈属</source>
        <translation>Military family</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="25" />
        <source>孕妇</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="26" />
        <source>重点客户</source>
        <translation>Key customer</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="27" />
        <source>预约</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="30" />
        <source>柜员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="31" />
        <source>值班长</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="32" />
        <source>管理员</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="36" />
        <source>已办结</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="37" />
        <source>已受理，后续办理</source>
        <translation>Accepted, follow-up to come</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="38" />
        <source>资料不全，请补齐再来</source>
        <translation>Documents missing, customer to return</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="39" />
        <source>咨询已答复</source>
        <translation>Question answered</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="40" />
        <source>转后台处理</source>
        <translation>Passed to the back office</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="43" />
        <source>临时离开</source>
        <translation>Away for a moment</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="44" />
        <source>午间休息</source>
        <translation>Lunch break</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="45" />
        <source>业务培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="46" />
        <source>系统故障</source>
        <translation>System fault</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="47" />
        <source>现场协助</source>
        <translation>Helping in the hall</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="50" />
        <location filename="../../counter/texts.py" line="69" />
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="51" />
        <source>建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="52" />
        <source>表扬</source>
        <translation>Praise</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="53" />
        <source>咨询</source>
        <translation>Inquiry</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="56" />
        <source>待答复</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="57" />
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="60" />
        <source>停电通知</source>
        <translation>Outage</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="61" />
        <source>电价公示</source>
        <translation>Tariff</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="62" />
        <source>服务承诺</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="63" />
        <source>公告</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="66" />
        <source>超时</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="67" />
        <source>暂停过久</source>
        <translation>Long pause</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="68" />
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="72" />
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="73" />
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="74" />
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="75" />
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="76" />
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="77" />
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../counter/texts.py" line="78" />
        <source>周日</source>
        <translation>Sun</translation>
    </message>
</context>
</TS>