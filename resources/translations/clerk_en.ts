<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ClerkController</name>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/session.py" line="114"/>
        <source>{0} 号窗口已有工作人员在岗（{1}）。如为交接班，请点“接班登录”接替该窗口。</source>
        <translation>Someone is at work at window {0} ({1}). For a shift handover, press “Take over” to take the window over.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/session.py" line="155"/>
        <source>您已退出 {0} 号窗口：其他人员已在本窗口登录（交接班），或值班长已调整本窗口人员。如需继续，请重新登录。</source>
        <translation>You are no longer at window {0}: someone else logged in there (handover), or the supervisor changed who works there. Log in again to carry on.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/session.py" line="224"/>
        <source>网络恢复后核对：叫号已成功（{0}），无需重试</source>
        <translation>Checked after reconnecting: the call succeeded ({0}); no retry needed</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/session.py" line="231"/>
        <source>值班长已调整本窗口的业务：主办 {0}；协办 {1}</source>
        <translation>The supervisor switched this window: primary {0}; secondary {1}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/session.py" line="240"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/session.py" line="303"/>
        <source>当前没有等候的号码</source>
        <translation>Nobody is waiting for this window</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/session.py" line="310"/>
        <source>未能送达大厅服务（网络中断），结果未知</source>
        <translation>did not reach the hall node (network down); outcome unknown</translation>
    </message>
</context>
<context>
    <name>ClerkWindow</name>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="211"/>
        <source>恢复叫号</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="213"/>
        <source>叫号</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="213"/>
        <source>重呼</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="213"/>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="220"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="214"/>
        <source>开始办理</source>
        <translation>Start service</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="214"/>
        <source>办结</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="214"/>
        <source>转办</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="215"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="215"/>
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="215"/>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="219"/>
        <source>等候中</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="219"/>
        <source>已叫号，等待办事人</source>
        <translation>Called, waiting for the visitor</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="219"/>
        <source>办理中</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="220"/>
        <source>已办结，请记录评价</source>
        <translation>Finished: record the rating</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="221"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="224"/>
        <source>政务服务大厅 · 窗口工作台</source>
        <translation>Service hall · Clerk window</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="225"/>
        <source>当前号码</source>
        <translation>Current ticket</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="226"/>
        <source>本窗口等候队列（按叫号顺序）</source>
        <translation>Waiting for this window (call order)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="227"/>
        <source>本窗口今日数据</source>
        <translation>This window today</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="228"/>
        <source>已办结</source>
        <translation>Served</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="228"/>
        <source>平均等候</source>
        <translation>Avg. wait</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="228"/>
        <source>平均办理</source>
        <translation>Avg. service</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="229"/>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="231"/>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="232"/>
        <source>忽略</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="234"/>
        <source>按键设置</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="235"/>
        <source>交接班</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="236"/>
        <source>退出</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="256"/>
        <source>{0}号窗口 · {1}</source>
        <translation>Window {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="260"/>
        <source>主办：{0}</source>
        <translation>Primary: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="262"/>
        <source>协办：{0}</source>
        <translation>Secondary: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="265"/>
        <source>已暂停：{0}</source>
        <translation>Paused: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="270"/>
        <source>空闲，按 {0} 叫下一位</source>
        <translation>Idle: press {0} to call the next visitor</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="290"/>
        <source>评价 {0} 次：非常满意 {1} · 满意 {2} · 基本满意 {3} · 不满意 {4} · 非常不满意 {5}</source>
        <translation>{0} ratings: very satisfied {1} · satisfied {2} · basically {3} · dissatisfied {4} · very dissatisfied {5}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="292"/>
        <source>过号 {0}</source>
        <translation>No-shows {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="293"/>
        <source>本窗口等候队列（按叫号顺序）· {0} 人</source>
        <translation>Waiting for this window (call order) · {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="307"/>
        <source>“{0}”失败：{1}</source>
        <translation>“{0}” failed: {1}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="320"/>
        <source>已等候 {0}</source>
        <translation>Waited {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="322"/>
        <source>办理 {0}</source>
        <translation>Serving {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="399"/>
        <source>当前号码 {0}（{1}）</source>
        <translation>Current ticket {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="405"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="406"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="418"/>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="418"/>
        <source>{0}。退出后该号仍留在本窗口，由下一位登录本窗口的人员继续办理。确定退出？</source>
        <translation>{0}. The ticket stays at this window for whoever logs in here next. Log out?</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="431"/>
        <source>关闭窗口工作台</source>
        <translation>Close the clerk window</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/main_window.py" line="431"/>
        <source>{0}。关闭后将退出登录，该号仍留在本窗口，由下一位登录本窗口的人员继续办理。确定关闭？</source>
        <translation>{0}. Closing logs you out; the ticket stays at this window for whoever logs in here next. Close?</translation>
    </message>
</context>
<context>
    <name>GreenDialog</name>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="68"/>
        <source>标记绿色通道</source>
        <translation>Flag green channel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="74"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="75"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="79"/>
        <source>选择“其他”时请填写说明</source>
        <translation>“Other” needs a note</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../hallclient/ui/clerk/views/keys_dialog.py" line="41"/>
        <source>按键设置</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/keys_dialog.py" line="52"/>
        <source>点击输入框后按下键盘或叫号器上的按键。</source>
        <translation>Click a box, then press the key on the keyboard or caller keypad.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/keys_dialog.py" line="58"/>
        <source>恢复默认（F1–F9）</source>
        <translation>Restore defaults (F1–F9)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/keys_dialog.py" line="61"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/keys_dialog.py" line="62"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/keys_dialog.py" line="84"/>
        <source>“{0}”没有按键</source>
        <translation>“{0}” has no key</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/keys_dialog.py" line="85"/>
        <source>按键 {0} 同时用于：{1}</source>
        <translation>Key {0} is used for several actions: {1}</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <location filename="../../hallclient/ui/clerk/views/login_view.py" line="78"/>
        <source>窗口工作人员登录</source>
        <translation>Clerk login</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/login_view.py" line="80"/>
        <source>工号</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/login_view.py" line="81"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/login_view.py" line="82"/>
        <source>窗口号</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/login_view.py" line="79"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/login_view.py" line="71"/>
        <source>交接班 · {0}号窗口</source>
        <translation>Handover · window {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/login_view.py" line="72"/>
        <source>请接班人员输入工号和密码。登录后由接班人员接替本窗口。</source>
        <translation>The colleague taking over enters their staff number and password; they then work at this window.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/login_view.py" line="74"/>
        <source>当前号码 {0} 留在本窗口，由接班人员继续办理。</source>
        <translation>Ticket {0} stays at the window; the colleague carries on with it.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/login_view.py" line="76"/>
        <source>接班登录</source>
        <translation>Take over</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/login_view.py" line="83"/>
        <source>接班登录（交接班，接替该窗口）</source>
        <translation>Take over (handover: replace whoever is at the window)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/login_view.py" line="84"/>
        <source>取消，返回工作台</source>
        <translation>Cancel, back to work</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/login_view.py" line="120"/>
        <source>请输入工号和密码</source>
        <translation>Enter staff number and password</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="50"/>
        <source>暂停叫号</source>
        <translation>Pause calling</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="53"/>
        <source>临时离开</source>
        <translation>Short break</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="53"/>
        <source>业务咨询</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="53"/>
        <source>系统故障</source>
        <translation>System fault</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="53"/>
        <source>交接班</source>
        <translation>Shift handover</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="54"/>
        <source>会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="55"/>
        <source>暂停原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="58"/>
        <source>请填写暂停原因</source>
        <translation>Please give a reason</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="93"/>
        <source>记录评价</source>
        <translation>Record rating</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="94"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="94"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="94"/>
        <source>基本满意</source>
        <translation>Basically satisfied</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="94"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="95"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="108"/>
        <source>差评必须填写原因</source>
        <translation>Required for a negative rating</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="110"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="119"/>
        <source>不满意或非常不满意时请填写原因</source>
        <translation>A reason is required for a negative rating</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="25"/>
        <source>转办</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="26"/>
        <source>转到业务类别</source>
        <translation>To category</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="27"/>
        <source>转到窗口</source>
        <translation>To window</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/views/dialogs.py" line="38"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/waiting_model.py" line="71"/>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/waiting_model.py" line="71"/>
        <source>业务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/waiting_model.py" line="71"/>
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/waiting_model.py" line="71"/>
        <source>已等候</source>
        <translation>Waited</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/waiting_model.py" line="71"/>
        <source>预警</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/waiting_model.py" line="72"/>
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/waiting_model.py" line="160"/>
        <source>绿色通道：{0} {1}</source>
        <translation>Green channel: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/clerk/controllers/waiting_model.py" line="163"/>
        <source>转办 {0} 次</source>
        <translation>transferred {0}×</translation>
    </message>
</context>
</TS>