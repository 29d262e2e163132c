<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DeviceSetup</name>
    <message>
        <location filename="../../hallclient/ui/display/device.py" line="58"/>
        <source>本设备尚未登记</source>
        <translation>This device is not registered yet</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/device.py" line="60"/>
        <source>请输入设备令牌（在大厅服务器上运行 hallclient device add 获得），或由值班长登录。</source>
        <translation>Enter the device token (from “hallclient device add” on the hall node), or have a supervisor log in.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/device.py" line="65"/>
        <source>使用设备令牌</source>
        <translation>Use device token</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/device.py" line="69"/>
        <source>值班长登录</source>
        <translation>Supervisor login</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/device.py" line="74"/>
        <source>设备令牌</source>
        <translation>Device token</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/device.py" line="76"/>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/device.py" line="77"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/device.py" line="114"/>
        <source>本机无法保存设备令牌（{0}）。本次可以使用，但重启后需要重新输入。请运行 hallclient doctor 查看解决办法。</source>
        <translation>This PC cannot keep the device token ({0}). It works for now but must be entered again after a restart. Run hallclient doctor to see how to fix this.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/device.py" line="116"/>
        <source>设备令牌未能保存</source>
        <translation>Device token not saved</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/device.py" line="120"/>
        <source>设备令牌已保存到文件</source>
        <translation>Device token saved to a file</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/device.py" line="121"/>
        <source>本机没有可用的系统密钥环，设备令牌已保存在 {0}，仅本机的此用户可读。</source>
        <translation>This PC has no usable system keyring; the device token was saved in {0}, readable only by this user on this PC.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/device.py" line="129"/>
        <source>未通过：{0}</source>
        <translation>Not accepted: {0}</translation>
    </message>
</context>
<context>
    <name>DisplayBoard</name>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="46"/>
        <source>最新叫号</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="47"/>
        <source>窗口服务</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="48"/>
        <source>等候人数</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="49"/>
        <source>请到 {0} 号窗口</source>
        <translation>Please go to window {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="50"/>
        <source>{0}号窗口</source>
        <translation>Window {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="51"/>
        <source>{0} 人</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="52"/>
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="53"/>
        <source>暂停服务</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="54"/>
        <source>未开放</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="55"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="56"/>
        <source>请留意叫号</source>
        <translation>Please watch for your number</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="57"/>
        <source>网络连接中断，正在重新连接…</source>
        <translation>Connection lost, reconnecting…</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../hallclient/ui/display/window.py" line="38"/>
        <source>叫号屏</source>
        <translation>Call display</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/window.py" line="133"/>
        <source>设备令牌无效或已吊销，请联系管理员</source>
        <translation>Device token invalid or revoked: contact the administrator</translation>
    </message>
</context>
</TS>