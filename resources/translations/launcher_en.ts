<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>LauncherDialog</name>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="64" />
        <source>窗口工作人员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="64" />
        <source>值班长</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="64" />
        <source>取号机</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="64" />
        <source>叫号屏</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="67" />
        <source>政务服务大厅 · 启动</source>
        <translation>Service hall · Start</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="68" />
        <source>选择本机的用途和大厅服务地址</source>
        <translation>Choose this PC's role and the hall node</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="69" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="69" />
        <source>大厅服务</source>
        <translation>Hall node</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="69" />
        <source>服务地址</source>
        <translation>Node address</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="70" />
        <source>内置服务端口</source>
        <translation>Embedded node port</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="70" />
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="72" />
        <source>在本机启动内置大厅服务（演示大厅）</source>
        <translation>Start the embedded hall node on this PC (demo hall)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="73" />
        <source>下次直接进入，不再显示此窗口</source>
        <translation>Start directly next time (skip this dialog)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="85" />
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="86" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
</TS>