<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppointmentDetails</name>
    <message>
        <location filename="../../hallclient/ui/kiosk/appointment.py" line="75"/>
        <source>请核对预约信息</source>
        <translation>Please check your booking</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/appointment.py" line="76"/>
        <source>预约码</source>
        <translation>Booking code</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/appointment.py" line="76"/>
        <source>预约时段</source>
        <translation>Time slot</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/appointment.py" line="76"/>
        <source>办理事项</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/appointment.py" line="77"/>
        <source>预约人</source>
        <translation>Booked by</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/appointment.py" line="79"/>
        <source>返回修改</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/appointment.py" line="80"/>
        <source>确认签到取号</source>
        <translation>Check in and take a number</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/appointment.py" line="97"/>
        <source>今天 {0}</source>
        <translation>today {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/appointment.py" line="99"/>
        <source>明天 {0}</source>
        <translation>tomorrow {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/appointment.py" line="100"/>
        <source>{0}年{1}月{2}日 {3}</source>
        <translation>{0}-{1}-{2} {3}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/appointment.py" line="114"/>
        <source>此预约已签到，您的号码是 {0}，请留意叫号。</source>
        <translation>This booking is already checked in; your number is {0}. Please watch for your call.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/appointment.py" line="116"/>
        <source>此预约已取消或失效，请联系工作人员。</source>
        <translation>This booking was cancelled or is no longer valid; please ask the staff.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/appointment.py" line="118"/>
        <source>注意：此预约不是今天的。确认无误后再签到。</source>
        <translation>Note: this booking is not for today. Check it before checking in.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/appointment.py" line="120"/>
        <source>信息无误请点“确认签到取号”；预约时段内优先叫号。</source>
        <translation>If this is right, tap &quot;Check in and take a number&quot;; within your slot you are called first.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="123"/>
        <source>自助取号</source>
        <translation>Self-service tickets</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="379"/>
        <source>请选择办理业务</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="380"/>
        <source>点击业务类别取号；号码将显示在叫号屏并语音提示</source>
        <translation>Tap a category to take a ticket; your number will be shown on the display and called aloud</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="381"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="789"/>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="382"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="397"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="880"/>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="383"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="388"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="394"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="384"/>
        <source>不选事项，直接取号</source>
        <translation>Take a ticket without choosing an item</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="385"/>
        <source>绿色通道取号：请选择原因</source>
        <translation>Green channel ticket: choose the reason</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="386"/>
        <source>备注（选“其他”时必填，勿填写个人信息）</source>
        <translation>Note (required for “Other”; no personal data)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="387"/>
        <source>普通取号</source>
        <translation>Ordinary ticket</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="391"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="685"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="890"/>
        <source>取号成功，您的号码是</source>
        <translation>Your ticket number is</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="392"/>
        <source>补打小票</source>
        <translation>Reprint slip</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="393"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="395"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="396"/>
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="553"/>
        <source>正在获取排队情况…</source>
        <translation>Loading queue status…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="556"/>
        <source>暂无窗口办理 · 暂停取号</source>
        <translation>No window serving now · no tickets</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="557"/>
        <source>暂无窗口办理 · 等候 {0} 人</source>
        <translation>No window serving now · {0} waiting</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="557"/>
        <source>暂无窗口办理</source>
        <translation>No window serving now</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="559"/>
        <source>无需等候</source>
        <translation>No waiting</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="560"/>
        <source>等候 {0} 人 · 约 {1} 分钟</source>
        <translation>{0} waiting · about {1} min</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="619"/>
        <source>请选择具体事项（用于打印办事指南二维码）&#x3000;{0}</source>
        <translation>Choose the item (its guide QR is printed on your slip)&#x3000;{0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="637"/>
        <source>选择“其他”时请填写备注</source>
        <translation>Please add a note for “Other”</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="689"/>
        <source>{0}&#x3000;您前面还有 {1} 人</source>
        <translation>{0}&#x3000;{1} people ahead of you</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="716"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="856"/>
        <source>未能签到：{0}</source>
        <translation>Check-in failed: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="721"/>
        <source>暂时无法取号</source>
        <translation>Tickets are unavailable right now</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="725"/>
        <source>网络连接中断，请稍后重试或联系工作人员。</source>
        <translation>The network is down. Please try again shortly or ask a member of staff.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="725"/>
        <source>取号失败：{0}</source>
        <translation>Could not issue a ticket: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="739"/>
        <source>正在打印小票…</source>
        <translation>Printing your slip…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="749"/>
        <source>请取走小票，留意叫号屏和语音提示</source>
        <translation>Please take your slip and watch the display for your number</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="760"/>
        <source>未连接小票打印机。您的号码 {0} 已有效，请记下号码或联系工作人员补打。</source>
        <translation>No slip printer is connected. Your number {0} is valid: please note it or ask staff to reprint the slip.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="762"/>
        <source>小票打印失败（可能缺纸）。您的号码 {0} 已有效，请记下号码或联系工作人员补打。</source>
        <translation>The slip did not print (paper may be out). Your number {0} is valid: please note it or ask staff to reprint the slip.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="764"/>
        <source>打印机异常，请工作人员检查</source>
        <translation>Printer problem: staff please check</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="790"/>
        <source>请输入预约码（如 YY0001）</source>
        <translation>Enter your booking code (e.g. YY0001)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="791"/>
        <source>预约码</source>
        <translation>Booking code</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="805"/>
        <source>工作人员登录（前台导办）</source>
        <translation>Staff login (reception)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="806"/>
        <source>登录后可为老年人、残疾人等群体办理绿色通道取号。</source>
        <translation>After logging in you can issue green channel tickets for the elderly, the disabled and other listed groups.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="807"/>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="809"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="841"/>
        <source>登录失败：{0}</source>
        <translation>Login failed: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="875"/>
        <source>前台导办：{0}</source>
        <translation>Reception: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="877"/>
        <source>退出导办</source>
        <translation>Leave reception mode</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="474"/>
        <source>本厅尚未开始取号</source>
        <translation>Tickets are not issued yet</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="476"/>
        <source>本厅今日已停止取号</source>
        <translation>This hall has stopped issuing tickets for today</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="478"/>
        <source>开放时间 {0}–{1}</source>
        <translation>Opening hours {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="480"/>
        <source>（今日延时至 {0}）</source>
        <translation> (extended today until {0})</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="482"/>
        <source>今日不开放</source>
        <translation>Closed today</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="485"/>
        <source>如需帮助，请联系工作人员</source>
        <translation>For help, please ask a member of staff</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="502"/>
        <source>今天 {0}</source>
        <translation>today {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="504"/>
        <source>明天 {0}</source>
        <translation>tomorrow {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="506"/>
        <source>{0}月{1}日 {2}</source>
        <translation>{0}/{1} {2}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="507"/>
        <source>下次开放：{0}</source>
        <translation>Next opening: {0}</translation>
    </message>
</context>
<context>
    <name>ScreenTicket</name>
    <message>
        <location filename="../../hallclient/ui/kiosk/screen_ticket.py" line="99"/>
        <source>取号成功，您的号码是</source>
        <translation>Your ticket number is</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/screen_ticket.py" line="100"/>
        <source>请拍照或记下号码，留意叫号屏和语音提示</source>
        <translation>Take a photo or note the number, and watch the display board and the announcements</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/screen_ticket.py" line="101"/>
        <source>打印机已恢复，补打小票</source>
        <translation>Printer back: print the slip</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/screen_ticket.py" line="102"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/screen_ticket.py" line="111"/>
        <source>扫码查看办事指南</source>
        <translation>Scan for the service guide</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/screen_ticket.py" line="114"/>
        <source>本机不打印小票，请以屏幕上的号码为准</source>
        <translation>This kiosk prints no slips: your number is the one on screen</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/screen_ticket.py" line="115"/>
        <source>未连接小票打印机，您的号码已有效</source>
        <translation>No slip printer connected; your number is valid</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/screen_ticket.py" line="116"/>
        <source>小票打印失败（可能缺纸），您的号码已有效</source>
        <translation>The slip did not print (out of paper?); your number is valid</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/screen_ticket.py" line="166"/>
        <source>您前面还有 {0} 人</source>
        <translation>{0} people ahead of you</translation>
    </message>
</context>
</TS>
