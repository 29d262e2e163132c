<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminPanel</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="444"/>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="458"/>
        <source>窗口</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="444"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="444"/>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="447"/>
        <source>开启窗口</source>
        <translation>Open window</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="447"/>
        <source>关闭窗口</source>
        <translation>Close window</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="449"/>
        <source>安排人员</source>
        <translation>Assign clerk</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="458"/>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="458"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="458"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="460"/>
        <source>重置所选人员密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="464"/>
        <source>业务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="464"/>
        <source>黄色（分钟）</source>
        <translation>Yellow (min)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="464"/>
        <source>红色（分钟）</source>
        <translation>Red (min)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="471"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="472"/>
        <source>保存阈值</source>
        <translation>Save thresholds</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="472"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="477"/>
        <source>绿色通道预警</source>
        <translation>Green-channel alert</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="502"/>
        <source>（无人）</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="528"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="528"/>
        <source>{0} 的新密码（至少 8 位）</source>
        <translation>New password for {0} (8+ characters)</translation>
    </message>
</context>
<context>
    <name>AdvisorPanel</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="250"/>
        <source>根据当前排队人数和近一小时的到达与办理时间（M/M/c 排队模型）估算，建议调整哪些潮汐窗口。只有您点“采纳”才会切换。</source>
        <translation>Suggestions from the queues now and the last hour&apos;s arrivals and service times (M/M/c queueing model). Nothing switches unless you accept.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="254"/>
        <source>重新计算</source>
        <translation>Recalculate</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="271"/>
        <source>zh</source>
        <translation>en</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="274"/>
        <source>目前无需调整潮汐窗口。</source>
        <translation>No tidal switch needed now.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="282"/>
        <source>采纳</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="282"/>
        <source>忽略</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="292"/>
        <source>采纳调度建议：{0} 预计等候缩短</source>
        <translation>Advisor suggestion accepted: shorter expected wait for {0}</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="95"/>
        <source>确认</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="111"/>
        <source>（另有 {0} 条未确认）</source>
        <translation> ({0} more open)</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="385"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="385"/>
        <source>潮汐切换</source>
        <translation>Tidal switches</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="386"/>
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="386"/>
        <source>暂停/恢复</source>
        <translation>Pause/resume</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="387"/>
        <source>配置变更</source>
        <translation>Config changes</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="391"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="391"/>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="394"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="394"/>
        <source>起始日期</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="399"/>
        <source>序号</source>
        <translation>Seq</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="399"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="399"/>
        <source>操作人</source>
        <translation>Actor</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="399"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="399"/>
        <source>内容</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="423"/>
        <source>导出审计日志</source>
        <translation>Export audit log</translation>
    </message>
</context>
<context>
    <name>CategoryTable</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="165"/>
        <source>业务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="165"/>
        <source>等候</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="165"/>
        <source>最长等候</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="165"/>
        <source>预警</source>
        <translation>SLA</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="310"/>
        <source>各类别等候人数（全天）</source>
        <translation>Waiting per category (today)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="311"/>
        <source>每小时办结量</source>
        <translation>Served per hour</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="334"/>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="362"/>
        <source>时</source>
        <translation>hour</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="354"/>
        <source>办结</source>
        <translation>Served</translation>
    </message>
</context>
<context>
    <name>ConsoleController</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="74"/>
        <source>该账号不是值班长，不能打开值班长控制台</source>
        <translation>This login is not a supervisor; the console needs a supervisor or admin</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="175"/>
        <source>无法连接大厅服务：{0}</source>
        <translation>Cannot reach the hall node: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="194"/>
        <source>{0} 号窗口已切换，下一次叫号起生效</source>
        <translation>Window {0} switched; applies from the next call</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="197"/>
        <source>预警已确认</source>
        <translation>Alert acknowledged</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="202"/>
        <source>潮汐方案已保存</source>
        <translation>Tidal plan saved</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="205"/>
        <source>潮汐方案已删除</source>
        <translation>Tidal plan deleted</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="210"/>
        <source>窗口状态已更新</source>
        <translation>Window updated</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="213"/>
        <source>已安排窗口人员</source>
        <translation>Clerk assigned</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="217"/>
        <source>密码已重置</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="220"/>
        <source>预警阈值已保存</source>
        <translation>Thresholds saved</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="223"/>
        <source>绿色通道预警时间已保存</source>
        <translation>Green-channel alert time saved</translation>
    </message>
</context>
<context>
    <name>GreenWatch</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="71"/>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="71"/>
        <source>业务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="71"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="71"/>
        <source>已等候</source>
        <translation>Waited</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="73"/>
        <source>未确认预警</source>
        <translation>Open alerts</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="76"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="76"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="76"/>
        <source>内容</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="78"/>
        <source>确认所选预警</source>
        <translation>Acknowledge selected</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="86"/>
        <source>绿色通道等候超过 {0} 分钟即预警</source>
        <translation>Alert when a green-channel ticket waits over {0} min</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="93"/>
        <source>绿色通道超时</source>
        <translation>Green channel wait</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="93"/>
        <source>红色预警</source>
        <translation>Red wait</translation>
    </message>
</context>
<context>
    <name>HallDay</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="24"/>
        <source>未开门</source>
        <translation>Not open yet</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="25"/>
        <source>开放中</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="26"/>
        <source>延时服务中</source>
        <translation>Extended hours</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="27"/>
        <source>已停止取号</source>
        <translation>Closed for tickets</translation>
    </message>
</context>
<context>
    <name>HallDayButton</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="54"/>
        <source>延时服务（至 {0}）</source>
        <translation>Extended hours (until {0})</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="54"/>
        <source>延时服务</source>
        <translation>Extended hours</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="57"/>
        <source>今日 {0}，{1}</source>
        <translation>Today {0}, {1}</translation>
    </message>
</context>
<context>
    <name>HallDayDialog</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="71"/>
        <source>延时服务</source>
        <translation>Extended hours</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="75"/>
        <source>今日开放时间 {0}，当前：{1}</source>
        <translation>Today&apos;s hours {0}; now: {1}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="87"/>
        <source>延时至</source>
        <translation>Extend until</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="90"/>
        <source>例如：排队人数较多</source>
        <translation>e.g. many visitors still waiting</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="91"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="97"/>
        <source>延时</source>
        <translation>Extend</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="98"/>
        <source>结束延时</source>
        <translation>End extension</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="108"/>
        <source>请填写延时原因</source>
        <translation>Please give a reason for the extension</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="125"/>
        <source>今日延时服务至 {0}</source>
        <translation>Extended hours today until {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/hall_day.py" line="125"/>
        <source>已结束延时服务</source>
        <translation>Extended hours ended</translation>
    </message>
</context>
<context>
    <name>LiveHallView</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="258"/>
        <source>右键窗口选择新的主类别，或把右侧类别拖到窗口上，即可潮汐切换。</source>
        <translation>Right-click a window to choose its new primary category, or drag a category onto a window, to switch it.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="306"/>
        <source>等候 {0} 人 · 开放窗口 {1}/{2} · 办理中 {3} · 绿色通道等候 {4} · 未确认预警 {5}</source>
        <translation>{0} waiting · {1}/{2} windows open · {3} serving · {4} green waiting · {5} open alerts</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="49"/>
        <source>值班长控制台</source>
        <translation>Supervisor console</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="55"/>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="56"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="61"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
</context>
<context>
    <name>PlansPanel</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="113"/>
        <source>方案</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="113"/>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="139"/>
        <source>星期</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="113"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="113"/>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="142"/>
        <source>窗口</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="113"/>
        <source>主类别</source>
        <translation>Primary</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="114"/>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="136"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="138"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="140"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="141"/>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="143"/>
        <source>主类别（代码）</source>
        <translation>Primary (codes)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="144"/>
        <source>次类别（代码）</source>
        <translation>Secondary (codes)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="152"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="152"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="152"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="164"/>
        <source>一</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="164"/>
        <source>二</source>
        <translation>Tu</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="164"/>
        <source>三</source>
        <translation>We</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="164"/>
        <source>四</source>
        <translation>Th</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="165"/>
        <source>五</source>
        <translation>Fr</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="165"/>
        <source>六</source>
        <translation>Sa</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="165"/>
        <source>日</source>
        <translation>Su</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="171"/>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="171"/>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="175"/>
        <source>正在执行：{0}。方案由大厅服务按时自动执行；期间手动切换优先，直到方案下一个起止时间。</source>
        <translation>Running now: {0}. The hall node applies plans on time; a manual switch wins until the plan&apos;s next start or end.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="176"/>
        <source>无</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="91"/>
        <source>生成日报…</source>
        <translation>Generate report…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="93"/>
        <source>保存PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="94"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="98"/>
        <source>营业日</source>
        <translation>Business day</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="116"/>
        <source>业务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="116"/>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="127"/>
        <source>取号</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="116"/>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="120"/>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="127"/>
        <source>办结</source>
        <translation>Served</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="116"/>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="127"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="117"/>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="117"/>
        <source>平均等候</source>
        <translation>Mean wait</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="117"/>
        <source>P90 等候</source>
        <translation>P90 wait</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="117"/>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="120"/>
        <source>平均办理</source>
        <translation>Mean service</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="118"/>
        <source>红色预警</source>
        <translation>Red waits</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="120"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="120"/>
        <source>叫号</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="121"/>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="131"/>
        <source>评价数</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="121"/>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="131"/>
        <source>差评</source>
        <translation>Negative</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="121"/>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="131"/>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="248"/>
        <source>日报已送打印机（{0} 页）。</source>
        <translation>Daily report sent to the printer ({0} pages).</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="253"/>
        <source>打印失败：{0}</source>
        <translation>Printing failed: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="128"/>
        <source>平均等候（分钟）</source>
        <translation>Mean wait (min)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="128"/>
        <source>P90 等候（分钟）</source>
        <translation>P90 wait (min)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="129"/>
        <source>平均办理（分钟）</source>
        <translation>Mean service (min)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="129"/>
        <source>红色预警占比</source>
        <translation>Red-wait share</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="130"/>
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="130"/>
        <source>绿色通道限时内叫号</source>
        <translation>Green called in time</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="144"/>
        <source>正在生成 {0} 的日报…</source>
        <translation>Generating the daily report of {0}…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="165"/>
        <source>{0} 的日报：取号 {1}，办结 {2}，绿色通道 {3} 人（限时内叫号 {4}）。</source>
        <translation>Daily report of {0}: {1} issued, {2} served, {3} green channel ({4} called in time).</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="174"/>
        <source>日报生成失败：{0}</source>
        <translation>Daily report failed: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="185"/>
        <source>政务服务大厅</source>
        <translation>Service hall</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="193"/>
        <source>保存日报</source>
        <translation>Save daily report</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="193"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="199"/>
        <source>正在保存PDF…</source>
        <translation>Saving PDF…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="205"/>
        <source>日报已保存：{0}</source>
        <translation>Daily report saved: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="211"/>
        <source>PDF 保存失败：{0}</source>
        <translation>Saving the PDF failed: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="218"/>
        <source>正在准备打印…</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="229"/>
        <source>已取消打印。</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/reports.py" line="237"/>
        <source>无法打开打印机</source>
        <translation>Cannot open the printer</translation>
    </message>
</context>
<context>
    <name>SupervisorConsole</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="125"/>
        <source>值班长控制台</source>
        <translation>Supervisor console</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="157"/>
        <source>大厅实况</source>
        <translation>Live hall</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="157"/>
        <source>绿色通道与预警</source>
        <translation>Green channel &amp; alerts</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="158"/>
        <source>潮汐方案</source>
        <translation>Tidal plans</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="158"/>
        <source>调度建议</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="159"/>
        <source>统计图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="159"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="160"/>
        <source>窗口与人员</source>
        <translation>Windows &amp; staff</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="163"/>
        <source>日报</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="178"/>
        <source>值班长：{0}</source>
        <translation>Supervisor: {0}</translation>
    </message>
</context>
<context>
    <name>SwitchDialog</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="185"/>
        <source>确认潮汐切换</source>
        <translation>Confirm tidal switch</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="189"/>
        <source>{0} 号窗口：主「{1}」次「{2}」 → 主「{3}」次「{4}」</source>
        <translation>Window {0}: primary “{1}” secondary “{2}” → primary “{3}” secondary “{4}”</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="194"/>
        <source>业务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="194"/>
        <source>等候人数</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="194"/>
        <source>窗口数（切换前）</source>
        <translation>Windows (before)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="195"/>
        <source>窗口数（切换后）</source>
        <translation>Windows (after)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="207"/>
        <source>不移动任何号票；窗口正在办理的业务不受影响，自下一次叫号起生效。本次切换将记入审计日志。</source>
        <translation>No ticket moves; the visitor being served is not affected; applies from the clerk&apos;s next call. The switch is audited.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="212"/>
        <source>切换原因（必填，如：社保排队过长）</source>
        <translation>Reason (required, e.g. long social insurance queue)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="215"/>
        <source>确认切换</source>
        <translation>Switch</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="216"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="225"/>
        <source>请填写切换原因</source>
        <translation>Please give a reason</translation>
    </message>
</context>
<context>
    <name>WindowTile</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="64"/>
        <source>潮汐</source>
        <translation>Tidal</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="92"/>
        <source>{0} 号窗口</source>
        <translation>Window {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="93"/>
        <source>空闲</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="93"/>
        <source>呼叫中</source>
        <translation>Calling</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="93"/>
        <source>办理中</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="94"/>
        <source>暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="94"/>
        <source>关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="98"/>
        <source>人员：{0}</source>
        <translation>Clerk: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="98"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="103"/>
        <source>主：{0}</source>
        <translation>Primary: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="104"/>
        <source>次：{0}</source>
        <translation>Secondary: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="114"/>
        <source>当前：{0}  {1}</source>
        <translation>Now: {0}  {1}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="116"/>
        <source>当前：—</source>
        <translation>Now: —</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="117"/>
        <source>暂停：{0}</source>
        <translation>Paused: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="126"/>
        <source>切换主类别为</source>
        <translation>Make primary</translation>
    </message>
</context>
</TS>
