<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>Board</name>
    <message>
        <location filename="../../display/board.py" line="81" />
        <source>综合显示屏</source>
        <translation>Hall board</translation>
    </message>
    <message>
        <location filename="../../display/board.py" line="111" />
        <source>正在连接数据库…</source>
        <translation>Connecting to the database…</translation>
    </message>
    <message>
        <location filename="../../display/board.py" line="156" />
        <source>语音已静音</source>
        <translation>Voice muted</translation>
    </message>
    <message>
        <location filename="../../display/board.py" line="191" />
        <source>正在重新连接…</source>
        <translation>Reconnecting…</translation>
    </message>
</context>
<context>
    <name>CurrentCall</name>
    <message>
        <location filename="../../display/current_call.py" line="93" />
        <source>欢迎光临</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../display/current_call.py" line="101" />
        <source>请取号等候叫号</source>
        <translation>Please take a ticket and wait for your number</translation>
    </message>
    <message>
        <location filename="../../display/current_call.py" line="106" />
        <source>重复呼叫</source>
        <translation>Calling again</translation>
    </message>
    <message>
        <location filename="../../display/current_call.py" line="106" />
        <source>正在呼叫</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <location filename="../../display/current_call.py" line="114" />
        <source>请 {number} 号</source>
        <translation>Number {number}</translation>
    </message>
    <message>
        <location filename="../../display/current_call.py" line="124" />
        <source>到 {window} 号窗口</source>
        <translation>to window {window}</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../display/header.py" line="63" />
        <source>yyyy年M月d日 dddd</source>
        <translation>dddd d MMMM yyyy</translation>
    </message>
</context>
<context>
    <name>ModelWindowCard</name>
    <message>
        <location filename="../../display/model_window.py" line="78" />
        <location filename="../../display/model_window.py" line="82" />
        <source>本月标兵窗口</source>
        <translation>Model window of the month</translation>
    </message>
    <message>
        <location filename="../../display/model_window.py" line="90" />
        <source>暂无</source>
        <translation>None yet</translation>
    </message>
    <message>
        <location filename="../../display/model_window.py" line="96" />
        <source>本月评价数不足</source>
        <translation>Not enough ratings this month</translation>
    </message>
    <message>
        <location filename="../../display/model_window.py" line="98" />
        <source>{window} 号窗口</source>
        <translation>Window {window}</translation>
    </message>
    <message>
        <location filename="../../display/model_window.py" line="113" />
        <source>{score} 分 · {n} 次评价</source>
        <translation>{score} points · {n} ratings</translation>
    </message>
</context>
<context>
    <name>NoticeBand</name>
    <message>
        <location filename="../../display/notice_band.py" line="61" />
        <source>停电通知</source>
        <translation>Outage notice</translation>
    </message>
    <message>
        <location filename="../../display/notice_band.py" line="62" />
        <source>电价公示</source>
        <translation>Tariffs</translation>
    </message>
    <message>
        <location filename="../../display/notice_band.py" line="63" />
        <source>服务承诺</source>
        <translation>Our promise</translation>
    </message>
    <message>
        <location filename="../../display/notice_band.py" line="64" />
        <source>公告</source>
        <translation>Notice</translation>
    </message>
</context>
<context>
    <name>RecentCalls</name>
    <message>
        <location filename="../../display/recent_calls.py" line="56" />
        <source>最近叫号</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <location filename="../../display/recent_calls.py" line="63" />
        <source>{window} 号窗口</source>
        <translation>Window {window}</translation>
    </message>
</context>
<context>
    <name>WaitingCounts</name>
    <message>
        <location filename="../../display/waiting_counts.py" line="55" />
        <source>等候人数</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../display/waiting_counts.py" line="86" />
        <source>{n} 人</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../display/waiting_counts.py" line="106" />
        <source>暂停取号</source>
        <translation>closed</translation>
    </message>
</context>
<context>
    <name>WindowTile</name>
    <message>
        <location filename="../../display/window_grid.py" line="38" />
        <source>空闲</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../display/window_grid.py" line="39" />
        <source>请到窗口</source>
        <translation>Please come</translation>
    </message>
    <message>
        <location filename="../../display/window_grid.py" line="40" />
        <source>办理中</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../display/window_grid.py" line="41" />
        <source>暂停服务</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../display/window_grid.py" line="42" />
        <source>停用</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../display/window_grid.py" line="58" />
        <source>{window} 号窗口</source>
        <translation>Window {window}</translation>
    </message>
</context>
<context>
    <name>voice</name>
    <message>
        <location filename="../../display/voice.py" line="62" />
        <source>没有音频输出设备，只显示不播报</source>
        <translation>No audio output: visual only</translation>
    </message>
    <message>
        <location filename="../../display/voice.py" line="63" />
        <source>没有可用的语音引擎，只显示不播报</source>
        <translation>No speech engine: visual only</translation>
    </message>
    <message>
        <location filename="../../display/voice.py" line="64" />
        <source>没有普通话语音，只显示不播报</source>
        <translation>No Mandarin voice: visual only</translation>
    </message>
    <message>
        <location filename="../../display/voice.py" line="65" />
        <source>录音文件不全或无法读取</source>
        <translation>Recorded clips missing or unreadable</translation>
    </message>
    <message>
        <location filename="../../display/voice.py" line="66" />
        <source>语音播报没有结束，可能没有声音输出</source>
        <translation>Announcement did not finish; no sound output?</translation>
    </message>
    <message>
        <location filename="../../display/voice.py" line="67" />
        <source>语音播报出错</source>
        <translation>Announcement failed</translation>
    </message>
</context>
</TS>