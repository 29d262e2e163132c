<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DisplayBoard</name>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="49"/>
        <source>最新叫号</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="50"/>
        <source>窗口服务</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="51"/>
        <source>等候人数</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="52"/>
        <source>请到 {0} 号窗口</source>
        <translation>Please go to window {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="53"/>
        <source>{0}号窗口</source>
        <translation>Window {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="54"/>
        <source>{0} 人</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="55"/>
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="56"/>
        <source>暂停服务</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="57"/>
        <source>未开放</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="58"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="59"/>
        <source>请留意叫号</source>
        <translation>Please watch for your number</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="60"/>
        <source>网络连接中断，正在重新连接…</source>
        <translation>Connection lost, reconnecting…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="61"/>
        <source>语音播报已关闭</source>
        <translation>Voice calls off</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/board.py" line="61"/>
        <source>未找到中文语音 · 仅提示音</source>
        <translation>No Chinese voice · chime only</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../hallclient/ui/display/window.py" line="48"/>
        <source>叫号屏</source>
        <translation>Call display</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/display/window.py" line="171"/>
        <source>设备令牌无效或已吊销，请联系管理员</source>
        <translation>Device token invalid or revoked: contact the administrator</translation>
    </message>
</context>
</TS>
