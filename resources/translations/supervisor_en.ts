<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminPanel</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="444"/>
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
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="459"/>
        <source>业务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="459"/>
        <source>黄色（分钟）</source>
        <translation>Yellow (min)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="459"/>
        <source>红色（分钟）</source>
        <translation>Red (min)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="466"/>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="480"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="467"/>
        <source>保存阈值</source>
        <translation>Save thresholds</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="467"/>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="481"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="472"/>
        <source>绿色通道预警</source>
        <translation>Green-channel alert</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="477"/>
        <source>无在岗窗口办理的业务仍可取号</source>
        <translation>Issue tickets for categories no staffed window serves</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="486"/>
        <source>有人等候但无窗口办理时预警</source>
        <translation>Alert when people wait and no window serves</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="509"/>
        <source>（无人）</source>
        <translation>(nobody)</translation>
    </message>
</context>
<context>
    <name>AdvisorPanel</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="249"/>
        <source>根据当前排队人数和近一小时的到达与办理时间（M/M/c 排队模型）估算，建议调整哪些潮汐窗口。只有您点“采纳”才会切换。</source>
        <translation>Suggestions from the queues now and the last hour&apos;s arrivals and service times (M/M/c queueing model). Nothing switches unless you accept.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="253"/>
        <source>重新计算</source>
        <translation>Recalculate</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="270"/>
        <source>zh</source>
        <translation>en</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="273"/>
        <source>目前无需调整潮汐窗口。</source>
        <translation>No tidal switch needed now.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="281"/>
        <source>采纳</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="281"/>
        <source>忽略</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="291"/>
        <source>采纳调度建议：{0} 预计等候缩短</source>
        <translation>Advisor suggestion accepted: shorter expected wait for {0}</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="108"/>
        <source>确认</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="124"/>
        <source>（另有 {0} 条未确认）</source>
        <translation> ({0} more open)</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="384"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="384"/>
        <source>潮汐切换</source>
        <translation>Tidal switches</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="385"/>
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="385"/>
        <source>暂停/恢复</source>
        <translation>Pause/resume</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="386"/>
        <source>配置变更</source>
        <translation>Config changes</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="390"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="390"/>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="393"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="393"/>
        <source>起始日期</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="398"/>
        <source>序号</source>
        <translation>Seq</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="398"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="398"/>
        <source>操作人</source>
        <translation>Actor</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="398"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="398"/>
        <source>内容</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="422"/>
        <source>导出审计日志</source>
        <translation>Export audit log</translation>
    </message>
</context>
<context>
    <name>CategoryTable</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="171"/>
        <source>业务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="171"/>
        <source>等候</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="171"/>
        <source>最长等候</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="171"/>
        <source>预警</source>
        <translation>SLA</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="309"/>
        <source>各类别等候人数（全天）</source>
        <translation>Waiting per category (today)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="310"/>
        <source>每小时办结量</source>
        <translation>Served per hour</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="333"/>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="361"/>
        <source>时</source>
        <translation>hour</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="353"/>
        <source>办结</source>
        <translation>Served</translation>
    </message>
</context>
<context>
    <name>ConsoleController</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="77"/>
        <source>该账号不是值班长，不能打开值班长控制台</source>
        <translation>This login is not a supervisor; the console needs a supervisor or admin</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="99"/>
        <source>未设置新密码，已退出登录</source>
        <translation>No new password was set; logged out</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="201"/>
        <source>无法连接大厅服务：{0}</source>
        <translation>Cannot reach the hall node: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="220"/>
        <source>{0} 号窗口已切换，下一次叫号起生效</source>
        <translation>Window {0} switched; applies from the next call</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="223"/>
        <source>预警已确认</source>
        <translation>Alert acknowledged</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="228"/>
        <source>潮汐方案已保存</source>
        <translation>Tidal plan saved</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="231"/>
        <source>潮汐方案已删除</source>
        <translation>Tidal plan deleted</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="236"/>
        <source>窗口状态已更新</source>
        <translation>Window updated</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="239"/>
        <source>已安排窗口人员</source>
        <translation>Clerk assigned</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="243"/>
        <source>密码已重置</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="246"/>
        <source>预警阈值已保存</source>
        <translation>Thresholds saved</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="251"/>
        <source>无窗口办理时的设置已保存</source>
        <translation>Settings for unserved categories saved</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/console.py" line="254"/>
        <source>绿色通道预警时间已保存</source>
        <translation>Green-channel alert time saved</translation>
    </message>
</context>
<context>
    <name>GreenWatch</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="70"/>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="70"/>
        <source>业务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="70"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="70"/>
        <source>已等候</source>
        <translation>Waited</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="72"/>
        <source>未确认预警</source>
        <translation>Open alerts</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="75"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="75"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="75"/>
        <source>内容</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="77"/>
        <source>确认所选预警</source>
        <translation>Acknowledge selected</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="85"/>
        <source>绿色通道等候超过 {0} 分钟即预警</source>
        <translation>Alert when a green-channel ticket waits over {0} min</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="92"/>
        <source>绿色通道超时</source>
        <translation>Green channel wait</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="92"/>
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
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="268"/>
        <source>右键窗口选择新的主类别，或把右侧类别拖到窗口上，即可潮汐切换。</source>
        <translation>Right-click a window to choose its new primary category, or drag a category onto a window, to switch it.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="296"/>
        <source>叫号屏「{0}」：超过 3 分钟未响应（可能已关机或断网）</source>
        <translation>Display &quot;{0}&quot;: no answer for over 3 minutes (switched off or cut off?)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="298"/>
        <source>叫号屏「{0}」：语音播报已关闭，叫号不会播报</source>
        <translation>Display &quot;{0}&quot;: voice is off, calls are not spoken</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="300"/>
        <source>叫号屏「{0}」：未找到中文语音，叫号只有提示音</source>
        <translation>Display &quot;{0}&quot;: no Chinese voice, calls only chime</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="335"/>
        <source>等候 {0} 人 · 开放窗口 {1}/{2} · 办理中 {3} · 绿色通道等候 {4} · 未确认预警 {5}</source>
        <translation>{0} waiting · {1}/{2} windows open · {3} serving · {4} green waiting · {5} open alerts</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="53"/>
        <source>值班长控制台</source>
        <translation>Supervisor console</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="59"/>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="60"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="65"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
</context>
<context>
    <name>MonthlyPanel</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="58"/>
        <source>生成月报…</source>
        <translation>Generate monthly report…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="60"/>
        <source>保存PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="61"/>
        <source>保存Excel…</source>
        <translation>Save Excel…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="65"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="83"/>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="102"/>
        <source>取号</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="83"/>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="89"/>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="102"/>
        <source>办结</source>
        <translation>Served</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="83"/>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="102"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="83"/>
        <source>平均等候</source>
        <translation>Mean wait</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="83"/>
        <source>P90 等候</source>
        <translation>P90 wait</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="84"/>
        <source>平均办理</source>
        <translation>Mean service</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="84"/>
        <source>红色预警</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="84"/>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="89"/>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="105"/>
        <source>评价数</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="84"/>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="106"/>
        <source>差评</source>
        <translation>Negative</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="84"/>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="89"/>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="106"/>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="86"/>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="91"/>
        <source>业务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="87"/>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="89"/>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="91"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="88"/>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="92"/>
        <source>工作人员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="89"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="90"/>
        <source>差评率</source>
        <translation>Negative rate</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="90"/>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="143"/>
        <source>红旗</source>
        <translation>Red flag</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="92"/>
        <source>红旗窗口</source>
        <translation>Red-flag windows</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="103"/>
        <source>平均等候（分钟）</source>
        <translation>Mean wait (min)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="103"/>
        <source>P90 等候（分钟）</source>
        <translation>P90 wait (min)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="104"/>
        <source>平均办理（分钟）</source>
        <translation>Mean service (min)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="104"/>
        <source>红色预警占比</source>
        <translation>Red-wait share</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="105"/>
        <source>绿色通道限时内叫号</source>
        <translation>Green called in time</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="106"/>
        <source>参评率</source>
        <translation>Rated share</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="117"/>
        <source>正在生成 {0} 的月报…</source>
        <translation>Generating the monthly report of {0}…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="146"/>
        <source>{0} 的月报：取号 {1}，办结 {2}，满意率 {3}。</source>
        <translation>Monthly report of {0}: {1} issued, {2} served, satisfaction {3}.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="155"/>
        <source>月报生成失败：{0}</source>
        <translation>Monthly report failed: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="167"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="167"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="169"/>
        <source>保存月报</source>
        <translation>Save monthly report</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="176"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="183"/>
        <source>月报已保存：{0}</source>
        <translation>Monthly report saved: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/monthly.py" line="190"/>
        <source>月报保存失败：{0}</source>
        <translation>Saving the monthly report failed: {0}</translation>
    </message>
</context>
<context>
    <name>PlansPanel</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="112"/>
        <source>方案</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="112"/>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="138"/>
        <source>星期</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="112"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="112"/>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="141"/>
        <source>窗口</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="112"/>
        <source>主类别</source>
        <translation>Primary</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="113"/>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="135"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="137"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="139"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="140"/>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="142"/>
        <source>主类别（代码）</source>
        <translation>Primary (codes)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="143"/>
        <source>次类别（代码）</source>
        <translation>Secondary (codes)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="151"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="151"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="151"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="163"/>
        <source>一</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="163"/>
        <source>二</source>
        <translation>Tu</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="163"/>
        <source>三</source>
        <translation>We</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="163"/>
        <source>四</source>
        <translation>Th</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="164"/>
        <source>五</source>
        <translation>Fr</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="164"/>
        <source>六</source>
        <translation>Sa</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="164"/>
        <source>日</source>
        <translation>Su</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="170"/>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="170"/>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="174"/>
        <source>正在执行：{0}。方案由大厅服务按时自动执行；期间手动切换优先，直到方案下一个起止时间。</source>
        <translation>Running now: {0}. The hall node applies plans on time; a manual switch wins until the plan&apos;s next start or end.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/panels.py" line="175"/>
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
    <name>StaffAdmin</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="40"/>
        <source>窗口人员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="41"/>
        <source>导服</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="42"/>
        <source>值班长</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="43"/>
        <source>管理员</source>
        <translation>Admin</translation>
    </message>
</context>
<context>
    <name>StaffAdminController</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/staff_admin.py" line="97"/>
        <source>已新增人员 {0}</source>
        <translation>Added {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/staff_admin.py" line="101"/>
        <source>已保存人员 {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/staff_admin.py" line="104"/>
        <source>已启用 {0}</source>
        <translation>{0} reactivated</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/staff_admin.py" line="104"/>
        <source>已停用 {0}，其登录已结束</source>
        <translation>{0} deactivated; their logins ended</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/staff_admin.py" line="110"/>
        <source>已重置 {0} 的密码</source>
        <translation>Password of {0} reset</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/staff_admin.py" line="117"/>
        <source>已更新 {0} 的照片</source>
        <translation>Photo of {0} updated</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/staff_admin.py" line="120"/>
        <source>已删除 {0} 的照片</source>
        <translation>Photo of {0} removed</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/staff_admin.py" line="131"/>
        <source>已新增 {0} 号窗口</source>
        <translation>Window {0} added</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/staff_admin.py" line="134"/>
        <source>已保存 {0} 号窗口</source>
        <translation>Window {0} saved</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/staff_admin.py" line="137"/>
        <source>{0} 号窗口已停用（历史记录保留）</source>
        <translation>Window {0} retired (its history stays)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/controllers/staff_admin.py" line="140"/>
        <source>{0} 号窗口已恢复使用</source>
        <translation>Window {0} back in service</translation>
    </message>
</context>
<context>
    <name>StaffAdminPanel</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="98"/>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="100"/>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="100"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="100"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="100"/>
        <source>默认窗口</source>
        <translation>Default window</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="100"/>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="127"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="101"/>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="101"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="107"/>
        <source>新增人员…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="107"/>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="135"/>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="108"/>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="226"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="108"/>
        <source>照片…</source>
        <translation>Photo…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="109"/>
        <source>删除照片</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="109"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="117"/>
        <source>窗口评价器上显示的照片（JPEG/PNG，自动缩小到 480×640 以内）</source>
        <translation>Photo shown on the window&apos;s evaluator (JPEG/PNG, scaled down to fit 480×640)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="125"/>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="127"/>
        <source>窗口</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="127"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="127"/>
        <source>区域</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="127"/>
        <source>潮汐</source>
        <translation>Tidal</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="128"/>
        <source>默认主办</source>
        <translation>Default primary</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="128"/>
        <source>默认协办</source>
        <translation>Default secondary</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="135"/>
        <source>新增窗口…</source>
        <translation>Add window…</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="136"/>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="229"/>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="335"/>
        <source>停用窗口</source>
        <translation>Retire window</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="141"/>
        <source>停用的窗口保留其办件记录，可随时恢复使用。窗口有人员在岗、有正在办理的号或被潮汐方案使用时不能停用。</source>
        <translation>A retired window keeps its history and can be restored. A window cannot be retired while someone is logged in there, it holds a ticket, or a tidal plan uses it.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="173"/>
        <source>有</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="174"/>
        <source>待本人设置</source>
        <translation>one-time, to be replaced</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="176"/>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="177"/>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="189"/>
        <source>已停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="177"/>
        <source>使用中</source>
        <translation>In service</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="190"/>
        <source>锁定中</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="190"/>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="203"/>
        <source>无照片</source>
        <translation>No photo</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="226"/>
        <source>启用</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="229"/>
        <source>恢复使用</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="265"/>
        <source>停用 {0} {1}？其登录立即结束；如在窗口在岗，将离开窗口（正在办理的号留在窗口）。</source>
        <translation>Deactivate {0} {1}? Their logins end at once; if at a window they leave it (a ticket in hand stays at the window).</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="266"/>
        <source>停用人员</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="278"/>
        <source>选择照片</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="278"/>
        <source>图片 (*.jpg *.jpeg *.png)</source>
        <translation>Pictures (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="295"/>
        <source>{0} {1} 的一次性密码：

{2}

仅显示这一次，请转告本人。首次登录时须设置自己的新密码。</source>
        <translation>One-time password of {0} {1}:

{2}

Shown only now; tell it to them. They set their own password at their first login.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="296"/>
        <source>一次性密码</source>
        <translation>One-time password</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="334"/>
        <source>停用 {0} 号窗口？停用后不再显示、不能登录和叫号，办件记录保留，可随时恢复使用。</source>
        <translation>Retire window {0}? It is no longer shown, and nobody logs in or calls there; its history stays and it can be restored.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="337"/>
        <source>管理员停用</source>
        <translation>Retired by the admin</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="50"/>
        <source>编辑人员</source>
        <translation>Edit staff member</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="50"/>
        <source>新增人员</source>
        <translation>Add staff member</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="58"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="60"/>
        <source>{0} 号窗口</source>
        <translation>Window {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="61"/>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="62"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="63"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="64"/>
        <source>默认窗口</source>
        <translation>Default window</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="72"/>
        <source>保存后系统生成一次性密码，请转告本人；首次登录时须设置自己的密码。</source>
        <translation>Saving makes a one-time password to tell them; they set their own at their first login.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="80"/>
        <source>请填写工号</source>
        <translation>Enter the staff number</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/staff_admin.py" line="82"/>
        <source>请填写姓名</source>
        <translation>Enter the name</translation>
    </message>
</context>
<context>
    <name>SupervisorConsole</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="138"/>
        <source>值班长控制台</source>
        <translation>Supervisor console</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="171"/>
        <source>大厅实况</source>
        <translation>Live hall</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="171"/>
        <source>绿色通道与预警</source>
        <translation>Green channel &amp; alerts</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="172"/>
        <source>潮汐方案</source>
        <translation>Tidal plans</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="172"/>
        <source>调度建议</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="173"/>
        <source>统计图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="173"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="174"/>
        <source>值班设置</source>
        <translation>Duty settings</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="174"/>
        <source>人员与窗口</source>
        <translation>Staff &amp; windows</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="179"/>
        <source>月报</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="194"/>
        <source>管理员：{0}</source>
        <translation>Admin: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="177"/>
        <source>日报</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/console.py" line="194"/>
        <source>值班长：{0}</source>
        <translation>Supervisor: {0}</translation>
    </message>
</context>
<context>
    <name>SwitchDialog</name>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="191"/>
        <source>确认潮汐切换</source>
        <translation>Confirm tidal switch</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="195"/>
        <source>{0} 号窗口：主「{1}」次「{2}」 → 主「{3}」次「{4}」</source>
        <translation>Window {0}: primary “{1}” secondary “{2}” → primary “{3}” secondary “{4}”</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="200"/>
        <source>业务类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="200"/>
        <source>等候人数</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="200"/>
        <source>窗口数（切换前）</source>
        <translation>Windows (before)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="201"/>
        <source>窗口数（切换后）</source>
        <translation>Windows (after)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="213"/>
        <source>不移动任何号票；窗口正在办理的业务不受影响，自下一次叫号起生效。本次切换将记入审计日志。</source>
        <translation>No ticket moves; the visitor being served is not affected; applies from the clerk&apos;s next call. The switch is audited.</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="218"/>
        <source>切换原因（必填，如：社保排队过长）</source>
        <translation>Reason (required, e.g. long social insurance queue)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="221"/>
        <source>确认切换</source>
        <translation>Switch</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="222"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="231"/>
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
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="99"/>
        <source>（无人在岗）</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="103"/>
        <source>{0}（离线）</source>
        <translation>{0} (offline)</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="104"/>
        <source>人员：{0}</source>
        <translation>Clerk: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="109"/>
        <source>主：{0}</source>
        <translation>Primary: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="110"/>
        <source>次：{0}</source>
        <translation>Secondary: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="120"/>
        <source>当前：{0}  {1}</source>
        <translation>Now: {0}  {1}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="122"/>
        <source>当前：—</source>
        <translation>Now: —</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="123"/>
        <source>暂停：{0}</source>
        <translation>Paused: {0}</translation>
    </message>
    <message>
        <location filename="../../hallclient/ui/supervisor/views/live_hall.py" line="132"/>
        <source>切换主类别为</source>
        <translation>Make primary</translation>
    </message>
</context>
</TS>
