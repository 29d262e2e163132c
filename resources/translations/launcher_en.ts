<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="286" />
        <source>第一位管理员</source>
        <translation>The first admin</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="287" />
        <source>管理员登录值班长控制台，在“人员与窗口”中添加其他人员（他们首次登录时设置自己的密码）。</source>
        <translation>The admin logs in to the supervisor console and adds the other staff under “Staff &amp; windows” (they set their own passwords at their first login).</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="295" />
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="296" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="297" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="298" />
        <source>再次输入</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="299" />
        <source>密码至少 8 位，不能与工号相同，也不能使用演示大厅的密码。</source>
        <translation>At least 8 characters, not the staff number, not the demo hall's password.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="307" />
        <source>工号为 1-20 位字母、数字、下划线、点或连字符</source>
        <translation>A staff number is 1-20 letters, digits, '_', '.' or '-'</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="309" />
        <source>请填写姓名</source>
        <translation>Enter the name</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="131" />
        <source>业务目录</source>
        <translation>Service catalogue</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="132" />
        <source>选择本大厅的业务类别和事项文件（JSON 或 XLSX，格式同“事项导入”）。也可先用示例目录，之后用“hallclient catalog import”导入正式目录。</source>
        <translation>Choose the hall's categories and service items (JSON or XLSX, as for the catalogue import). Or start with the sample catalogue and import the real one later with “hallclient catalog import”.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="137" />
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="137" />
        <source>使用示例目录</source>
        <translation>Use the sample</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="157" />
        <source>选择业务目录</source>
        <translation>Choose the service catalogue</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="157" />
        <source>业务目录 (*.json *.xlsx)</source>
        <translation>Service catalogue (*.json *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="165" />
        <source>正在检查 {0} …</source>
        <translation>Checking {0} …</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="173" />
        <source>{0} 个业务类别，{1} 个事项</source>
        <translation>{0} categories, {1} service items</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="181" />
        <source>文件有 {0} 处问题，请改正后重新选择：</source>
        <translation>The file has {0} problem(s); correct them and choose it again:</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="323" />
        <source>创建大厅</source>
        <translation>Create the hall</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="324" />
        <source>确认后在本机创建大厅数据库，然后打开所选的角色。</source>
        <translation>Creates the hall's database on this PC, then opens the chosen role.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="342" />
        <source>{0}（{1}），{2}，{3}–{4}，{5}
{6} 个业务类别，{7} 个窗口；管理员 {8} {9}</source>
        <translation>{0} ({1}), {2}, {3}–{4}, {5}
{6} categories, {7} windows; admin {8} {9}</translation>
    </message>
</context>
<context>
    <name>HallPage</name>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="65" />
        <source>大厅信息</source>
        <translation>The hall</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="66" />
        <source>大厅的名称和编码、所在时区、开放时间和开放日。</source>
        <translation>The hall's name and code, its time zone, opening hours and days.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="69" />
        <source>如：某某区政务服务中心</source>
        <translation>e.g. Xincheng District Government Service Center</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="71" />
        <source>字母或数字，如 XHQ</source>
        <translation>letters or digits, e.g. XHQ</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="84" />
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="84" />
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="84" />
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="85" />
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="85" />
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="85" />
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="86" />
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="92" />
        <source>大厅名称</source>
        <translation>Hall name</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="93" />
        <source>大厅编码</source>
        <translation>Hall code</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="94" />
        <source>时区</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="95" />
        <source>开放时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="96" />
        <source>开放日</source>
        <translation>Open on</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="102" />
        <source>请填写大厅名称</source>
        <translation>Enter the hall's name</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="104" />
        <source>大厅编码为 1-20 位字母、数字、下划线或连字符</source>
        <translation>The hall code is 1-20 letters, digits, '_' or '-'</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="108" />
        <source>未知的时区：{0}</source>
        <translation>Unknown time zone: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="110" />
        <source>开门时间须早于关门时间</source>
        <translation>The hall must open before it closes</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="112" />
        <source>请至少选择一个开放日</source>
        <translation>Choose at least one day the hall is open</translation>
    </message>
</context>
<context>
    <name>HallWizard</name>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="364" />
        <source>政务服务大厅 · 新建大厅</source>
        <translation>Service hall · set up a new hall</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="373" />
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="374" />
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="375" />
        <source>创建大厅</source>
        <translation>Create the hall</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="376" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="407" />
        <source>正在创建大厅…</source>
        <translation>Creating the hall…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="425" />
        <source>大厅已创建。</source>
        <translation>The hall is set up.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="428" />
        <source>未能创建大厅，什么也没有改变。原因：</source>
        <translation>The hall was not created; nothing changed. Why:</translation>
    </message>
</context>
<context>
    <name>LauncherDialog</name>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="75" />
        <source>窗口工作人员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="75" />
        <source>值班长</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="75" />
        <source>取号机</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="75" />
        <source>叫号屏</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="78" />
        <source>政务服务大厅 · 启动</source>
        <translation>Service hall · Start</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="79" />
        <source>选择本机的用途和大厅服务地址</source>
        <translation>Choose this PC's role and the hall node</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="80" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="80" />
        <source>大厅服务</source>
        <translation>Hall node</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="80" />
        <source>服务地址</source>
        <translation>Node address</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="81" />
        <source>内置服务端口</source>
        <translation>Embedded node port</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="81" />
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="83" />
        <source>在本机启动内置大厅服务</source>
        <translation>Start the embedded hall node on this PC</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="84" />
        <source>本机大厅</source>
        <translation>Hall on this PC</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="87" />
        <source>演示大厅（无需设置，直接体验）</source>
        <translation>Demo hall (nothing to set up)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="87" />
        <source>新建大厅（设置向导）</source>
        <translation>New hall (set-up wizard)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="89" />
        <source>下次直接进入，不再显示此窗口</source>
        <translation>Start directly next time (skip this dialog)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="101" />
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/dialog.py" line="102" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>WindowsPage</name>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="196" />
        <source>窗口</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="197" />
        <source>每个窗口的编号、名称、区域，是否潮汐窗口，以及默认办理的业务（主办、协办）。可一次添加多个相同设置的窗口。</source>
        <translation>Each window's number, name, zone, whether it is tidal, and the categories it serves by default (primary, secondary). Several alike windows can be added at once.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="203" />
        <source>窗口号</source>
        <translation>Window no.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="203" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="203" />
        <source>区域</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="203" />
        <source>潮汐</source>
        <translation>Tidal</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="204" />
        <source>主办业务</source>
        <translation>Primary</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="204" />
        <source>协办业务</source>
        <translation>Secondary</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="210" />
        <source>添加窗口…</source>
        <translation>Add windows…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="210" />
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="211" />
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="238" />
        <location filename="../../hallclient/ui/launcher/wizard.py" line="273" />
        <source>{0}号窗口</source>
        <translation>Window {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/launcher/wizard.py" line="274" />
        <source>是</source>
        <translation>yes</translation>
    </message>
</context>
</TS>