<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../counter/reports_view.py" line="162" />
        <source>按月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="163" />
        <source>按日</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="164" />
        <source>日期区间</source>
        <translation>Date range</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="173" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="178" />
        <source>全部业务</source>
        <translation>All services</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="179" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="180" />
        <location filename="../../counter/reports_view.py" line="765" />
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="181" />
        <location filename="../../counter/reports_view.py" line="766" />
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="182" />
        <location filename="../../counter/reports_view.py" line="767" />
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="187" />
        <source>统计周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="192" />
        <source>业务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="200" />
        <location filename="../../counter/reports_view.py" line="554" />
        <location filename="../../counter/reports_view.py" line="653" />
        <source>取号</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="201" />
        <location filename="../../counter/reports_view.py" line="556" />
        <location filename="../../counter/reports_view.py" line="656" />
        <source>办结</source>
        <translation>Served</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="202" />
        <source>过号</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="203" />
        <source>平均等候（分钟）</source>
        <translation>Average wait (min)</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="204" />
        <source>限时内叫号率</source>
        <translation>Called within SLA</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="205" />
        <source>平均办理（分钟）</source>
        <translation>Average handling (min)</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="206" />
        <location filename="../../counter/reports_view.py" line="244" />
        <location filename="../../counter/reports_view.py" line="255" />
        <source>评价数</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="207" />
        <location filename="../../counter/reports_view.py" line="246" />
        <location filename="../../counter/reports_view.py" line="257" />
        <location filename="../../counter/reports_view.py" line="659" />
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="241" />
        <location filename="../../counter/reports_view.py" line="252" />
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="242" />
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="243" />
        <source>主要柜员</source>
        <translation>Main clerk</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="245" />
        <location filename="../../counter/reports_view.py" line="256" />
        <source>平均分</source>
        <translation>Mean score</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="247" />
        <location filename="../../counter/reports_view.py" line="258" />
        <source>办结数</source>
        <translation>Served</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="253" />
        <source>工号</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="254" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="268" />
        <source>标兵窗口排名</source>
        <translation>Model window ranking</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="269" />
        <source>人员排名</source>
        <translation>Clerk ranking</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="316" />
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="441" />
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="464" />
        <source>%1 · 生成于 %2</source>
        <translation>%1 · generated at %2</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="518" />
        <source>限时 %1 分钟内叫号率</source>
        <translation>Called within %1 min (SLA)</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="533" />
        <source>标兵窗口：本期暂未评出（至少需要 %1 条评价）</source>
        <translation>Model window: none yet (at least %1 ratings needed)</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="537" />
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="539" />
        <source>★ 标兵窗口：%1%2　平均 %3 分，满意率 %4，评价 %5 条</source>
        <translation>★ Model window: %1%2 · mean score %3, satisfaction %4, %5 ratings</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="547" />
        <source>服务标兵：%1　平均 %2 分，评价 %3 条</source>
        <translation>Model clerk: %1 · mean score %2, %3 ratings</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="553" />
        <source>分时段取号与办结</source>
        <translation>Issued and served by hour</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="566" />
        <source>%1时</source>
        <translation>%1h</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="578" />
        <source>等候时长分布（限时 %1 分钟）</source>
        <translation>Waiting times (SLA %1 min)</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="580" />
        <source>限时内</source>
        <translation>Within SLA</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="582" />
        <source>超时</source>
        <translation>Over SLA</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="589" />
        <source>%1 以上</source>
        <translation>over %1</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="599" />
        <source>等候分钟</source>
        <translation>Wait (minutes)</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="610" />
        <source>各柜员满意率</source>
        <translation>Satisfaction by clerk</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="614" />
        <source>满意率 %</source>
        <translation>Satisfaction %</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="630" />
        <source>%1（%2 条）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="647" />
        <source>各柜员满意率（本期暂无柜员的评价）</source>
        <translation>Satisfaction by clerk (no ratings for clerks yet)</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="651" />
        <source>每日趋势</source>
        <translation>Trend by day</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="697" />
        <source>评价不足</source>
        <translation>Too few ratings</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="730" />
        <source>按平均分排名，至少 %1 条评价方可入选；同分时评价数多者在前，再比办结数。满意率 = 4–5 分评价 ÷ 全部评价。</source>
        <translation>Ranked by mean score, with at least %1 ratings; ties go to more ratings, then more tickets served. Satisfaction = ratings of 4 or 5 ÷ all ratings.</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="765" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="766" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="767" />
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="789" />
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="795" />
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../counter/reports_view.py" line="801" />
        <source>导出失败：%1</source>
        <translation>Export failed: %1</translation>
    </message>
</context>
</TS>