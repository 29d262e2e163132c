<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../hallclient/ui/common/password.py" line="48" />
        <source>设置新密码</source>
        <translation>Set a new password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/password.py" line="49" />
        <source>您使用的是一次性密码，请设置自己的新密码后继续（至少 8 位，不能与工号相同）。</source>
        <translation>You logged in with a one-time password. Set your own password to go on (at least 8 characters, not your staff number).</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/password.py" line="59" />
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/password.py" line="60" />
        <source>再次输入</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/password.py" line="62" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/password.py" line="63" />
        <source>取消并退出登录</source>
        <translation>Cancel and log out</translation>
    </message>
</context>
<context>
    <name>ConnectionBadge</name>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="57" />
        <source>● 已连接</source>
        <translation>● Connected</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="58" />
        <source>● 正在连接…</source>
        <translation>● Connecting…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="59" />
        <source>● 连接中断，正在重连…</source>
        <translation>● Link lost, reconnecting…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="60" />
        <source>● 登录已失效</source>
        <translation>● Session expired</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="61" />
        <source>● 无法连接大厅服务</source>
        <translation>● Hall node unreachable</translation>
    </message>
</context>
<context>
    <name>DeviceSetup</name>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="173" />
        <source>本设备尚未登记</source>
        <translation>This device is not registered yet</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="174" />
        <source>请输入设备令牌（在大厅服务器上运行 hallclient device add 获得），或由值班长登录。</source>
        <translation>Enter the device token (from “hallclient device add” on the hall node), or have a supervisor log in.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="176" />
        <source>设备令牌</source>
        <translation>Device token</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="177" />
        <source>使用设备令牌</source>
        <translation>Use device token</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="178" />
        <source>或由值班长登录（仅本次运行有效）</source>
        <translation>Or a supervisor logs in (for this run only)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="179" />
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="180" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="181" />
        <source>值班长登录</source>
        <translation>Supervisor login</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="216" />
        <source>正在准备演示设备…</source>
        <translation>Preparing the demo device…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="217" />
        <source>演示大厅：本机自动登记为{0}，无需设备令牌。</source>
        <translation>Demo hall: this PC registers itself as the {0}; no device token needed.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="218" />
        <source>取号机</source>
        <translation>kiosk</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="218" />
        <source>叫号屏</source>
        <translation>display board</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="237" />
        <source>未能自动登记本设备：{0}</source>
        <translation>Could not register this device by itself: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="272" />
        <source>本机无法保存设备令牌（{0}）。本次可以使用，但重启后需要重新输入。请运行 hallclient doctor 查看解决办法。</source>
        <translation>This PC cannot keep the device token ({0}). It works for now but must be entered again after a restart. Run hallclient doctor to see how to fix this.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="274" />
        <source>设备令牌未能保存</source>
        <translation>Device token not saved</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="278" />
        <source>设备令牌已保存到文件</source>
        <translation>Device token saved to a file</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="279" />
        <source>本机没有可用的系统密钥环，设备令牌已保存在 {0}，仅本机的此用户可读。</source>
        <translation>This PC has no usable system keyring; the device token was saved in {0}, readable only by this user on this PC.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="284" />
        <source>设备令牌无效或已被吊销</source>
        <translation>the device token is wrong or was revoked</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/device.py" line="292" />
        <source>未通过：{0}</source>
        <translation>Not accepted: {0}</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="117" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="118" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>GreenBadge</name>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="82" />
        <source>绿色通道 · {0}</source>
        <translation>Green channel · {0}</translation>
    </message>
</context>
<context>
    <name>NodeErrors</name>
    <message>
        <source>登录已失效，请重新登录</source>
        <translation>Your login has expired; please log in again</translation>
    </message>
    <message>
        <source>无权执行此操作</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <source>找不到要操作的对象</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>当前状态不允许此操作</source>
        <translation>Not possible in the current state</translation>
    </message>
    <message>
        <source>填写的内容有误</source>
        <translation>Invalid input</translation>
    </message>
    <message>
        <source>操作过于频繁，请稍后再试</source>
        <translation>Too many attempts; please try again later</translation>
    </message>
    <message>
        <source>大厅服务暂时不可用，请稍后重试</source>
        <translation>The hall node is unavailable for the moment; please try again</translation>
    </message>
    <message>
        <source>无法连接大厅服务，请检查网络后重试</source>
        <translation>Cannot reach the hall node; check the network and try again</translation>
    </message>
    <message>
        <source>操作失败：{0}</source>
        <translation>Failed: {0}</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>无法连接大厅服务，请稍后再试</source>
        <translation>Cannot reach the hall node; please try again later</translation>
    </message>
    <message>
        <source>工号或密码不正确</source>
        <translation>Wrong staff number or password</translation>
    </message>
    <message>
        <source>未找到预约码 {appointment}，请核对后重新输入</source>
        <translation>No booking with code {appointment}; please check it and try again</translation>
    </message>
    <message>
        <source>预约 {appointment} 已签到，号码 {number}</source>
        <translation>Booking {appointment} is already checked in: number {number}</translation>
    </message>
    <message>
        <source>预约 {appointment} 已取消或失效，请联系工作人员</source>
        <translation>Booking {appointment} was cancelled or is no longer valid; please ask the staff</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../hallclient/ui/common/keyboard.py" line="83" />
        <source>空格</source>
        <translation>Space</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../hallclient/ui/common/password.py" line="22" />
        <source>密码至少 8 位</source>
        <translation>The password needs at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/password.py" line="23" />
        <source>密码最多 200 位</source>
        <translation>The password may have at most 200 characters</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/password.py" line="24" />
        <source>密码首尾不能是空格，也不能含控制字符</source>
        <translation>The password may not start or end with a space or hold control characters</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/password.py" line="25" />
        <source>密码不能与工号相同</source>
        <translation>The password may not be the staff number</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/password.py" line="26" />
        <source>不能使用演示大厅的密码</source>
        <translation>The demo hall's password may not be used</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/password.py" line="27" />
        <source>新密码不能与当前密码相同</source>
        <translation>The new password must differ from the current one</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/password.py" line="28" />
        <source>两次输入的新密码不一致</source>
        <translation>The two entries differ</translation>
    </message>
</context>
<context>
    <name>WindowDialog</name>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="32" />
        <source>编辑窗口</source>
        <translation>Edit window</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="32" />
        <source>新增窗口</source>
        <translation>Add window</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="42" />
        <source>如：东区、西区</source>
        <translation>e.g. East, West</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="43" />
        <source>潮汐窗口（值班长可在高峰时切换其业务）</source>
        <translation>Tidal window (the supervisor may switch what it serves at peak hours)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="44" />
        <source>窗口号</source>
        <translation>Window no.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="46" />
        <source> 个（连续编号）</source>
        <translation> (numbered in a row)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="47" />
        <source>数量</source>
        <translation>How many</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="48" />
        <source>留空则为“N号窗口”</source>
        <translation>empty: “Window N”</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="49" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="50" />
        <source>区域</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="54" />
        <source>业务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="54" />
        <source>主办</source>
        <translation>Primary</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="54" />
        <source>协办</source>
        <translation>Secondary</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="67" />
        <source>默认业务</source>
        <translation>Default categories</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="75" />
        <source>修改默认业务后立即生效（自本窗口下一次叫号起），并记入审计日志。</source>
        <translation>New default categories apply at once (from the window's next call) and are written to the audit log.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="92" />
        <source>{0} 号窗口已存在（已停用的窗口请“恢复使用”）</source>
        <translation>Window {0} exists already (restore a retired window instead)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="94" />
        <source>窗口号最大为 9999</source>
        <translation>Window numbers go up to 9999</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="97" />
        <source>请至少选择一个主办业务</source>
        <translation>Choose at least one primary category</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/window_dialog.py" line="100" />
        <source>同一业务不能既是主办又是协办：{0}</source>
        <translation>A category cannot be both primary and secondary: {0}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../hallclient/ui/app.py" line="74" />
        <source>“{0}”功能暂未提供（not available yet）</source>
        <translation>“{0}” is not available yet</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/app.py" line="173" />
        <source>无法连接大厅服务</source>
        <translation>Hall node unreachable</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/app.py" line="174" />
        <source>大厅服务 {0} 没有响应：{1}</source>
        <translation>The hall node {0} does not answer: {1}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/node_watch.py" line="31" />
        <source>大厅服务已重新启动</source>
        <translation>Hall service restarted</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/node_watch.py" line="32" />
        <source>本机的大厅服务意外退出（退出码 {0}），已自动重新启动，窗口会自动重新连接。如果反复出现，请查看日志：{1}</source>
        <translation>The hall service on this PC stopped unexpectedly (exit code {0}) and was restarted; the window reconnects by itself. If this keeps happening, see the log: {1}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/node_watch.py" line="37" />
        <source>大厅服务无法运行</source>
        <translation>Hall service cannot run</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/node_watch.py" line="38" />
        <source>本机的大厅服务反复退出，已停止自动重启：{0}。请运行 hallclient doctor 检查本机，或联系管理员。</source>
        <translation>The hall service on this PC keeps stopping, so it is no longer restarted: {0}. Run hallclient doctor to check this PC, or call the administrator.</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="18" />
        <source>老年人</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="19" />
        <source>残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="20" />
        <source>孕妇</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="21" />
        <source>军人/退役军人</source>
        <translation>Serviceman/veteran</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="22" />
        <source>重点项目</source>
        <translation>Key project</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="23" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="29" />
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="30" />
        <source>预警</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="31" />
        <source>超时</source>
        <translation>Overdue</translation>
    </message>
</context>
</TS>
