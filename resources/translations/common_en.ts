<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ConnectionBadge</name>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="55" />
        <source>● 已连接</source>
        <translation>● Connected</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="56" />
        <source>● 正在连接…</source>
        <translation>● Connecting…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="57" />
        <source>● 连接中断，正在重连…</source>
        <translation>● Link lost, reconnecting…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="58" />
        <source>● 登录已失效</source>
        <translation>● Session expired</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="59" />
        <source>● 无法连接大厅服务</source>
        <translation>● Hall node unreachable</translation>
    </message>
</context>
<context>
    <name>GreenBadge</name>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="80" />
        <source>绿色通道 · {0}</source>
        <translation>Green channel · {0}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../hallclient/ui/app.py" line="62" />
        <source>“{0}”功能暂未提供（not available yet）</source>
        <translation>“{0}” is not available yet</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/app.py" line="124" />
        <source>无法连接大厅服务</source>
        <translation>Hall node unreachable</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/app.py" line="125" />
        <source>大厅服务 {0} 没有响应：{1}</source>
        <translation>The hall node {0} does not answer: {1}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/node_watch.py" line="0" />
        <source>大厅服务已重新启动</source>
        <translation>Hall service restarted</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/node_watch.py" line="0" />
        <source>本机的大厅服务意外退出（退出码 {0}），已自动重新启动，窗口会自动重新连接。如果反复出现，请查看日志：{1}</source>
        <translation>The hall service on this PC stopped unexpectedly (exit code {0}) and was restarted; the window reconnects by itself. If this keeps happening, see the log: {1}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/node_watch.py" line="0" />
        <source>大厅服务无法运行</source>
        <translation>Hall service cannot run</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/node_watch.py" line="0" />
        <source>本机的大厅服务反复退出，已停止自动重启：{0}。请运行 hallclient doctor 检查本机，或联系管理员。</source>
        <translation>The hall service on this PC keeps stopping, so it is no longer restarted: {0}. Run hallclient doctor to check this PC, or call the administrator.</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="16" />
        <source>老年人</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="17" />
        <source>残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="18" />
        <source>孕妇</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="19" />
        <source>军人/退役军人</source>
        <translation>Serviceman/veteran</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="20" />
        <source>重点项目</source>
        <translation>Key project</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="21" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="27" />
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="28" />
        <source>预警</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/widgets.py" line="29" />
        <source>超时</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>NodeErrors</name>
    <message>
        <location filename="../../hallclient/ui/common/errors.py" line="16" />
        <source>登录已失效，请重新登录</source>
        <translation>Your login has expired; please log in again</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/errors.py" line="16" />
        <source>无权执行此操作</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/errors.py" line="16" />
        <source>找不到要操作的对象</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/errors.py" line="16" />
        <source>当前状态不允许此操作</source>
        <translation>Not possible in the current state</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/errors.py" line="16" />
        <source>填写的内容有误</source>
        <translation>Invalid input</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/errors.py" line="16" />
        <source>操作过于频繁，请稍后再试</source>
        <translation>Too many attempts; please try again later</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/errors.py" line="16" />
        <source>大厅服务暂时不可用，请稍后重试</source>
        <translation>The hall node is unavailable for the moment; please try again</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/errors.py" line="16" />
        <source>无法连接大厅服务，请检查网络后重试</source>
        <translation>Cannot reach the hall node; check the network and try again</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/errors.py" line="16" />
        <source>操作失败：{0}</source>
        <translation>Failed: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/errors.py" line="16" />
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/errors.py" line="40" />
        <source>无法连接大厅服务，请稍后再试</source>
        <translation>Cannot reach the hall node; please try again later</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/common/errors.py" line="40" />
        <source>工号或密码不正确</source>
        <translation>Wrong staff number or password</translation>
    </message>
</context>
</TS>