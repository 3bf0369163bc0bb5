<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
  <context>
    <name>AdminExitScreen</name>
    <message>
      <location filename="../../kiosk/screens/admin_exit.py" line="71" />
      <source>管理员退出</source>
      <translation>Staff exit</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/admin_exit.py" line="72" />
      <source>请输入管理密码</source>
      <translation>Enter the staff PIN</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/admin_exit.py" line="73" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/admin_exit.py" line="74" />
      <source>退出取号机</source>
      <translation>Close the kiosk</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/admin_exit.py" line="85" />
      <source>密码不对</source>
      <translation>Wrong PIN</translation>
    </message>
  </context>
  <context>
    <name>ComplaintScreen</name>
    <message>
      <location filename="../../kiosk/screens/complaint.py" line="110" />
      <source>投诉建议</source>
      <translation>Complaints &amp; suggestions</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/complaint.py" line="111" />
      <source>您想告诉我们的是</source>
      <translation>What would you like to tell us?</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/complaint.py" line="112" />
      <source>请选择相关内容（可多选）</source>
      <translation>Choose what applies (one or more)</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/complaint.py" line="113" />
      <source>补充说明（可不填）</source>
      <translation>More details (optional)</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/complaint.py" line="114" />
      <source>可用键盘输入</source>
      <translation>Type with a keyboard</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/complaint.py" line="115" />
      <source>联系电话（可不填），方便我们回复您</source>
      <translation>Phone (optional), so we can reply</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/complaint.py" line="117" />
      <source>返回</source>
      <translation>Back</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/complaint.py" line="118" />
      <source>提交</source>
      <translation>Send</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/complaint.py" line="144" />
      <source>请选择或填写要说的内容</source>
      <translation>Please choose or type what you want to tell us</translation>
    </message>
  </context>
  <context>
    <name>HomeScreen</name>
    <message>
      <location filename="../../kiosk/screens/home.py" line="158" />
      <source>请选择业务</source>
      <translation>Choose a service</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/home.py" line="159" />
      <source>点一下即可取号</source>
      <translation>One tap gives you a ticket</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/home.py" line="160" />
      <source>评价服务</source>
      <translation>Rate our service</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/home.py" line="161" />
      <source>投诉建议</source>
      <translation>Complaints &amp; ideas</translation>
    </message>
  </context>
  <context>
    <name>PhonePane</name>
    <message>
      <location filename="../../kiosk/screens/phone_pane.py" line="56" />
      <source>电话号码不完整，请检查或清空</source>
      <translation>The phone number is incomplete: check it or clear it</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/phone_pane.py" line="65" />
      <source>手机或固定电话</source>
      <translation>Mobile or landline</translation>
    </message>
  </context>
  <context>
    <name>PriorityLaneScreen</name>
    <message>
      <location filename="../../kiosk/screens/priority_lane.py" line="61" />
      <source>绿色通道 · %1</source>
      <translation>Priority lane · %1</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/priority_lane.py" line="62" />
      <source>请选择要办理的业务，您将优先办理</source>
      <translation>Choose a service: you will be served first</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/priority_lane.py" line="63" />
      <source>返回</source>
      <translation>Back</translation>
    </message>
  </context>
  <context>
    <name>PriorityPanel</name>
    <message>
      <location filename="../../kiosk/screens/home.py" line="76" />
      <source>绿色通道</source>
      <translation>Priority lane</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/home.py" line="77" />
      <source>以下客户优先办理，请先选择</source>
      <translation>Served first — tap the one that applies</translation>
    </message>
  </context>
  <context>
    <name>RateLookupScreen</name>
    <message>
      <location filename="../../kiosk/screens/rate_lookup.py" line="113" />
      <source>评价服务</source>
      <translation>Rate our service</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/rate_lookup.py" line="114" />
      <source>请把小票上的二维码对准扫描口</source>
      <translation>Hold the QR code on your ticket under the scanner</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/rate_lookup.py" line="115" />
      <source>或者输入小票上的号码和校验码</source>
      <translation>Or type the number and check code from your ticket</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/rate_lookup.py" line="116" />
      <source>号码，如 A012</source>
      <translation>Number, e.g. A012</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/rate_lookup.py" line="117" />
      <source>6 位校验码</source>
      <translation>6-digit check code</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/rate_lookup.py" line="118" />
      <source>返回</source>
      <translation>Back</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/rate_lookup.py" line="119" />
      <source>下一步</source>
      <translation>Next</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/rate_lookup.py" line="138" />
      <source>请输入小票上的号码和 6 位校验码</source>
      <translation>Please enter the ticket number and its 6-digit check code</translation>
    </message>
  </context>
  <context>
    <name>RateReasonsScreen</name>
    <message>
      <location filename="../../kiosk/screens/rate_reasons.py" line="85" />
      <source>很抱歉没能让您满意</source>
      <translation>We are sorry we let you down</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/rate_reasons.py" line="86" />
      <source>哪些方面需要改进？（可多选）</source>
      <translation>What should we improve? (one or more)</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/rate_reasons.py" line="87" />
      <source>留下电话，我们会回访您（可不填）</source>
      <translation>Leave a phone number for a call-back (optional)</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/rate_reasons.py" line="89" />
      <source>返回</source>
      <translation>Back</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/rate_reasons.py" line="90" />
      <source>提交评价</source>
      <translation>Send rating</translation>
    </message>
  </context>
  <context>
    <name>RateScoreScreen</name>
    <message>
      <location filename="../../kiosk/screens/rate_score.py" line="64" />
      <source>请您为本次服务评价</source>
      <translation>Please rate our service</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/rate_score.py" line="65" />
      <source>返回</source>
      <translation>Back</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/rate_score.py" line="76" />
      <source>为您服务的是 %1 号窗口 %2</source>
      <translation>You were served at window %1 by %2</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/rate_score.py" line="79" />
      <source>为您服务的是 %1 号窗口</source>
      <translation>You were served at window %1</translation>
    </message>
  </context>
  <context>
    <name>SuspendedScreen</name>
    <message>
      <location filename="../../kiosk/screens/suspended.py" line="40" />
      <source>请稍候</source>
      <translation>One moment, please</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/suspended.py" line="41" />
      <source>取号机正在准备，马上就好。</source>
      <translation>The kiosk is getting ready.</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/suspended.py" line="43" />
      <source>暂停取号</source>
      <translation>Tickets paused</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/suspended.py" line="44" />
      <source>系统正在恢复，请稍候片刻，或请大堂工作人员协助。</source>
      <translation>The system is recovering. Please wait a moment or ask our staff for help.</translation>
    </message>
  </context>
  <context>
    <name>ThanksScreen</name>
    <message>
      <location filename="../../kiosk/screens/thanks.py" line="68" />
      <source>谢谢您！</source>
      <translation>Thank you!</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/thanks.py" line="70" />
      <source>您的评价已收到，我们会继续改进服务。</source>
      <translation>We have your rating and will keep improving.</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/thanks.py" line="73" />
      <source>您的意见已记录，编号 %1。工作人员会尽快处理。</source>
      <translation>Your message is recorded as no. %1. Our staff will follow it up soon.</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/thanks.py" line="75" />
      <source>需要当面处理？取投诉咨询号</source>
      <translation>Talk to us in person? Take a ticket</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/thanks.py" line="76" />
      <source>返回首页</source>
      <translation>Back to start</translation>
    </message>
  </context>
  <context>
    <name>TicketIssuedScreen</name>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="178" />
      <source>完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="178" />
      <source>返回首页</source>
      <translation>Back to start</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="180" />
      <source>未能取号</source>
      <translation>No ticket this time</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="185" />
      <source>正在为您取号…</source>
      <translation>Getting your ticket…</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="190" />
      <source>您的号码</source>
      <translation>Your number</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="193" />
      <source>绿色通道 · %1</source>
      <translation>Priority lane · %1</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="195" />
      <source>前面还有 %1 人</source>
      <translation>%1 people ahead of you</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="197" />
      <source>马上就到您，请留意叫号</source>
      <translation>You are next — listen for your number</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="200" />
      <source>预计等候约 %1 分钟</source>
      <translation>Expected wait: about %1 min</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="202" />
      <source>办结后扫码评价服务</source>
      <translation>Scan after your visit to rate us</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="203" />
      <source>校验码 %1</source>
      <translation>Check code %1</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="205" />
      <source>正在打印…</source>
      <translation>Printing…</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="206" />
      <source>请取走小票，留意叫号</source>
      <translation>Take your ticket and listen for your number</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="207" />
      <source>打印失败，请记下您的号码，工作人员会协助您</source>
      <translation>Printing failed. Please note your number; our staff will help you</translation>
    </message>
    <message>
      <location filename="../../kiosk/screens/ticket_issued.py" line="208" />
      <source>请记下您的号码，留意叫号</source>
      <translation>Please note your number and listen for it</translation>
    </message>
  </context>
  <context>
    <name>texts</name>
    <message>
      <location filename="../../kiosk/texts.py" line="21" />
      <source>70 岁以上老人</source>
      <translation>Seniors 70+</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="22" />
      <source>残疾人</source>
      <translation>Disabled</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="23" />
      <source>军人军属</source>
      <translation>Military families</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="24" />
      <source>孕妇</source>
      <translation>Pregnant</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="25" />
      <source>重要客户</source>
      <translation>Key accounts</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="26" />
      <source>预约客户</source>
      <translation>Appointments</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="29" />
      <source>非常满意</source>
      <translation>Very satisfied</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="30" />
      <source>满意</source>
      <translation>Satisfied</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="31" />
      <source>一般</source>
      <translation>Neutral</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="32" />
      <source>不满意</source>
      <translation>Unsatisfied</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="33" />
      <source>非常不满意</source>
      <translation>Very unsatisfied</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="36" />
      <source>态度</source>
      <translation>Attitude</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="37" />
      <source>效率</source>
      <translation>Speed</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="38" />
      <source>业务能力</source>
      <translation>Know-how</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="39" />
      <source>等候时间</source>
      <translation>Waiting time</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="40" />
      <source>环境</source>
      <translation>Surroundings</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="44" />
      <source>投诉</source>
      <translation>Complaint</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="45" />
      <source>建议</source>
      <translation>Suggestion</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="46" />
      <source>表扬</source>
      <translation>Praise</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="47" />
      <source>咨询</source>
      <translation>Question</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="52" />
      <source>等候时间太长</source>
      <translation>I waited too long</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="53" />
      <source>工作人员态度不好</source>
      <translation>Staff were unfriendly</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="54" />
      <source>业务办理太慢</source>
      <translation>Service was too slow</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="55" />
      <source>对电费或收费有疑问</source>
      <translation>Question about my bill or fees</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="56" />
      <source>停电没有提前通知</source>
      <translation>Outage without notice</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="57" />
      <source>一件事要跑好几次</source>
      <translation>Had to come back several times</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="60" />
      <source>希望增加服务窗口</source>
      <translation>Open more windows</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="61" />
      <source>希望延长营业时间</source>
      <translation>Longer opening hours</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="62" />
      <source>希望增加自助设备</source>
      <translation>More self-service machines</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="63" />
      <source>大厅环境可以更好</source>
      <translation>The hall could be nicer</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="64" />
      <source>希望网上能办更多业务</source>
      <translation>More services online</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="67" />
      <source>工作人员热情耐心</source>
      <translation>Friendly, patient staff</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="68" />
      <source>办事效率高</source>
      <translation>Quick service</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="69" />
      <source>大厅整洁舒适</source>
      <translation>Clean, comfortable hall</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="70" />
      <source>绿色通道很贴心</source>
      <translation>The priority lane helped</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="73" />
      <source>电价和收费标准</source>
      <translation>Tariffs and fees</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="74" />
      <source>新装或增容怎么办理</source>
      <translation>New connection or upgrade</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="75" />
      <source>停电信息</source>
      <translation>Outage information</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="76" />
      <source>电费账单</source>
      <translation>My electricity bill</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="77" />
      <source>电表问题</source>
      <translation>Meter problem</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="110" />
      <source>今日号码已取完</source>
      <translation>All tickets taken today</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="113" />
      <source>办理时间 %1</source>
      <translation>Open %1</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="116" />
      <source>今日不办理</source>
      <translation>Closed today</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="117" />
      <source>暂停办理</source>
      <translation>Not available now</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="122" />
      <source>无需等候</source>
      <translation>No wait</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="123" />
      <source>约 %1 分钟</source>
      <translation>about %1 min</translation>
    </message>
    <message>
      <location filename="../../kiosk/texts.py" line="127" />
      <source>等候 %1 人</source>
      <translation>%1 waiting</translation>
    </message>
  </context>
  <context>
    <name>ticket_printer</name>
    <message>
      <location filename="../../kiosk/ticket_printer.py" line="57" />
      <source>绿色通道 · %1</source>
      <translation>Priority lane · %1</translation>
    </message>
  </context>
</TS>