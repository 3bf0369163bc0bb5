<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
<context>
    <name>messages</name>
    <message>
        <location filename="../../common/qt/messages.py" line="17"/>
        <source>系统出了点问题，请稍后再试或联系工作人员。</source>
        <translation>Something went wrong. Please try again later or ask our staff.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="19"/>
        <source>没有这项业务。</source>
        <translation>There is no such service.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="20"/>
        <source>这项业务暂停办理。</source>
        <translation>This service is not available now.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="21"/>
        <source>这项业务现在不在办理时间。</source>
        <translation>This service is closed at this time.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="22"/>
        <source>这项业务今日号码已取完。</source>
        <translation>All tickets for this service are taken today.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="23"/>
        <source>本窗口暂停服务中。</source>
        <translation>This window is paused.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="24"/>
        <source>请先办结或过号当前客户。</source>
        <translation>Finish or no-show the current customer first.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="25"/>
        <source>没有等候的客户。</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="26"/>
        <source>当前没有客户。</source>
        <translation>There is no current customer.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="27"/>
        <source>当前状态不能这样操作。</source>
        <translation>That is not possible right now.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="28"/>
        <source>无法识别这个二维码，请扫描小票上的二维码。</source>
        <translation>We cannot read this code. Please scan the QR code on your ticket.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="31"/>
        <source>二维码无效，请扫描本厅小票上的二维码。</source>
        <translation>This code is not valid. Please scan the QR code on a ticket from this hall.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="34"/>
        <source>这张小票不是本营业厅的。</source>
        <translation>This ticket is from another hall.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="35"/>
        <source>找不到这个号码。</source>
        <translation>We cannot find this number.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="36"/>
        <source>号码或校验码不对，请核对小票。</source>
        <translation>The number or check code is wrong. Please check your ticket.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="37"/>
        <source>业务办结后才能评价。</source>
        <translation>You can rate once your business is finished.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="38"/>
        <source>这张小票的评价期已过。</source>
        <translation>This ticket is too old to rate.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="39"/>
        <source>这张小票已经评价过了，谢谢！</source>
        <translation>This ticket has already been rated. Thank you!</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="40"/>
        <source>暂时连不上数据库，请稍候。</source>
        <translation>We cannot reach the database just now. Please wait.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="41"/>
        <source>数据库尚未初始化，请联系管理员。</source>
        <translation>The database is not set up yet. Please contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="42"/>
        <source>数据库需要升级，请联系管理员。</source>
        <translation>The database needs an upgrade. Please contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="43"/>
        <source>电话号码格式不对。</source>
        <translation>That phone number is not valid.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="44"/>
        <source>请填写内容。</source>
        <translation>Please write something.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="45"/>
        <source>这个号码现在不在等候。</source>
        <translation>This number is not waiting now.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="46"/>
        <source>没有挂起的客户。</source>
        <translation>No customer is set aside.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="47"/>
        <source>过号时间太久，请重新取号。</source>
        <translation>Too long since the number was missed. Please take a new ticket.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="48"/>
        <source>这个号码不是过号。</source>
        <translation>This number was not missed.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="49"/>
        <source>本窗口已在暂停中。</source>
        <translation>This window is already paused.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="50"/>
        <source>本窗口没有暂停。</source>
        <translation>This window is not paused.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="51"/>
        <source>不能转移到本窗口。</source>
        <translation>Cannot transfer to this same window.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="52"/>
        <source>请选择转移到的业务或窗口。</source>
        <translation>Choose a service or window to transfer to.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="53"/>
        <source>这个窗口已停用。</source>
        <translation>This window is closed.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="54"/>
        <source>没有这个窗口。</source>
        <translation>There is no such window.</translation>
    </message>
    <message>
        <location filename="../../common/qt/messages.py" line="55"/>
        <source>没有这位工作人员。</source>
        <translation>There is no such staff member.</translation>
    </message>
</context>
<context>
    <name>ticket</name>
    <message>
        <location filename="../../common/qt/ticket_image.py" line="74"/>
        <source>预计很快就到您</source>
        <translation>You will be called soon</translation>
    </message>
    <message>
        <location filename="../../common/qt/ticket_image.py" line="75"/>
        <source>预计等候约 %1 分钟</source>
        <translation>Expected wait: about %1 min</translation>
    </message>
    <message>
        <location filename="../../common/qt/ticket_image.py" line="175"/>
        <source>前面还有 %1 人</source>
        <translation>%1 people ahead of you</translation>
    </message>
    <message>
        <location filename="../../common/qt/ticket_image.py" line="184"/>
        <source>取号时间 %1</source>
        <translation>Issued %1</translation>
    </message>
    <message>
        <location filename="../../common/qt/ticket_image.py" line="188"/>
        <source>（补打）</source>
        <translation>(reprint)</translation>
    </message>
    <message>
        <location filename="../../common/qt/ticket_image.py" line="191"/>
        <source>办结后扫码评价服务</source>
        <translation>Scan after your visit to rate us</translation>
    </message>
    <message>
        <location filename="../../common/qt/ticket_image.py" line="195"/>
        <source>校验码 %1</source>
        <translation>Check code %1</translation>
    </message>
</context>
</TS>
