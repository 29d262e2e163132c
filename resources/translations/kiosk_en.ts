<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="116"/>
        <source>自助取号</source>
        <translation>Self-service tickets</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="364"/>
        <source>请选择办理业务</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="365"/>
        <source>点击业务类别取号；号码将显示在叫号屏并语音提示</source>
        <translation>Tap a category to take a ticket; your number will be shown on the display and called aloud</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="366"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="758"/>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="367"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="382"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="838"/>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="368"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="373"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="379"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="369"/>
        <source>不选事项，直接取号</source>
        <translation>Take a ticket without choosing an item</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="370"/>
        <source>绿色通道取号：请选择原因</source>
        <translation>Green channel ticket: choose the reason</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="371"/>
        <source>备注（选“其他”时必填，勿填写个人信息）</source>
        <translation>Note (required for “Other”; no personal data)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="372"/>
        <source>普通取号</source>
        <translation>Ordinary ticket</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="376"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="670"/>
        <location filename="../../hallclient/ui/kiosk/window.py" line="847"/>
        <source>取号成功，您的号码是</source>
        <translation>Your ticket number is</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="377"/>
        <source>补打小票</source>
        <translation>Reprint slip</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="378"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="380"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="381"/>
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="538"/>
        <source>正在获取排队情况…</source>
        <translation>Loading queue status…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="541"/>
        <source>暂无窗口办理 · 暂停取号</source>
        <translation>No window serving now · no tickets</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="542"/>
        <source>暂无窗口办理 · 等候 {0} 人</source>
        <translation>No window serving now · {0} waiting</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="542"/>
        <source>暂无窗口办理</source>
        <translation>No window serving now</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="544"/>
        <source>无需等候</source>
        <translation>No waiting</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="545"/>
        <source>等候 {0} 人 · 约 {1} 分钟</source>
        <translation>{0} waiting · about {1} min</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="604"/>
        <source>请选择具体事项（用于打印办事指南二维码）　{0}</source>
        <translation>Choose the item (its guide QR is printed on your slip)　{0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="622"/>
        <source>选择“其他”时请填写备注</source>
        <translation>Please add a note for “Other”</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="674"/>
        <source>{0}　您前面还有 {1} 人</source>
        <translation>{0}　{1} people ahead of you</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="700"/>
        <source>未能签到：{0}</source>
        <translation>Check-in failed: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="705"/>
        <source>暂时无法取号</source>
        <translation>Tickets are unavailable right now</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="709"/>
        <source>网络连接中断，请稍后重试或联系工作人员。</source>
        <translation>The network is down. Please try again shortly or ask a member of staff.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="709"/>
        <source>取号失败：{0}</source>
        <translation>Could not issue a ticket: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="720"/>
        <source>正在打印小票…</source>
        <translation>Printing your slip…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="727"/>
        <source>请取走小票，留意叫号屏和语音提示</source>
        <translation>Please take your slip and watch the display for your number</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="738"/>
        <source>未连接小票打印机。您的号码 {0} 已有效，请记下号码或联系工作人员补打。</source>
        <translation>No slip printer is connected. Your number {0} is valid: please note it or ask staff to reprint the slip.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="740"/>
        <source>小票打印失败（可能缺纸）。您的号码 {0} 已有效，请记下号码或联系工作人员补打。</source>
        <translation>The slip did not print (paper may be out). Your number {0} is valid: please note it or ask staff to reprint the slip.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="742"/>
        <source>打印机异常，请工作人员检查</source>
        <translation>Printer problem: staff please check</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="759"/>
        <source>请输入预约码（如 YY0001）</source>
        <translation>Enter your booking code (e.g. YY0001)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="760"/>
        <source>预约码</source>
        <translation>Booking code</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="772"/>
        <source>工作人员登录（前台导办）</source>
        <translation>Staff login (reception)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="773"/>
        <source>登录后可为老年人、残疾人等群体办理绿色通道取号。</source>
        <translation>After logging in you can issue green channel tickets for the elderly, the disabled and other listed groups.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="774"/>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="776"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="812"/>
        <source>登录失败：{0}</source>
        <translation>Login failed: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="833"/>
        <source>前台导办：{0}</source>
        <translation>Reception: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="835"/>
        <source>退出导办</source>
        <translation>Leave reception mode</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="459"/>
        <source>本厅尚未开始取号</source>
        <translation>Tickets are not issued yet</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="461"/>
        <source>本厅今日已停止取号</source>
        <translation>This hall has stopped issuing tickets for today</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="463"/>
        <source>开放时间 {0}–{1}</source>
        <translation>Opening hours {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="465"/>
        <source>（今日延时至 {0}）</source>
        <translation> (extended today until {0})</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="467"/>
        <source>今日不开放</source>
        <translation>Closed today</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="470"/>
        <source>如需帮助，请联系工作人员</source>
        <translation>For help, please ask a member of staff</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="487"/>
        <source>今天 {0}</source>
        <translation>today {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="489"/>
        <source>明天 {0}</source>
        <translation>tomorrow {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="491"/>
        <source>{0}月{1}日 {2}</source>
        <translation>{0}/{1} {2}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/kiosk/window.py" line="492"/>
        <source>下次开放：{0}</source>
        <translation>Next opening: {0}</translation>
    </message>
</context>
</TS>