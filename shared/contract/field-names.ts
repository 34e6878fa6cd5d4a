// Chinese names for input fields whose schema carries no label of its own (`.describe`), by the
// field's key. Validation messages use them so a clerk never sees a raw key such as `caseId`.
// tests/unit/validation-message.test.ts checks that every field of every operation has a name.
export const FIELD_NAMES: Record<string, string> = {
  // identities and paging
  id: '记录编号', ids: '所选记录', caseId: '案件', submissionId: '送审事项', officerId: '执法人员', partyId: '当事人',
  reviewerId: '审核人', targetId: '发布位置', jobId: '任务', progressId: '任务', profileId: '记录仪型号', handlerId: '承办人',
  handlerIds: '承办人', deviceSerial: '记录仪编号', page: '页码', pageSize: '每页条数', q: '搜索关键词', year: '年份',
  from: '开始日期', to: '结束日期', months: '月数', days: '天数', workdays: '工作日数', wait: '等待完成', open: '只看在办',
  // accounts and settings
  password: '密码', oldPassword: '原密码', newPassword: '新密码', username: '账号', roles: '角色', disabled: '停用',
  reviewerQualified: '法制审核资格', status: '状态', sessionIdleMinutes: '无操作自动退出时间', failedLoginLimit: '登录失败次数上限',
  lockoutMinutes: '锁定时长', certificateWarningDays: '执法证到期提醒天数', caseHandlingWorkdays: '办案期限（工作日）',
  caseNumberPattern: '案件编号格式', typeAbbreviations: '案件类型简称', decisionNumberPattern: '决定书文号格式',
  schedule: '安排', source: '来源', off: '放假日期', work: '调休上班日期', time: '时间', weekday: '星期', retention: '保留份数',
  target: '备份位置', into: '恢复到的文件夹', dataDir: '数据文件夹', dest: '保存位置', zip: '打包为压缩文件', path: '文件路径', folder: '文件夹', format: '文件格式',
  // audit
  operation: '操作', objectType: '对象类型', objectId: '对象编号',
  // cases
  kind: '类型', caseType: '案件类型', procedure: '程序', stage: '环节', overdue: '只看超期', place: '地点', facts: '基本事实',
  isMinor: '未成年人', manualCaseNo: '案件编号', supersedes: '被替代的记录', base64: '文件内容', file: '文件',
  // media
  captureTime: '拍摄时间', collectors: '执法人员', proof: '证明对象', matter: '执法环节', matters: '执法环节', important: '重要',
  annotated: '是否已标注', includePurged: '包含已清除的记录', unannotatedOlderThanDays: '未标注天数', confirmCount: '确认数量',
  hold: '保全', atMs: '截图时间点', key: '编号', requirement: '要求', device: '设备', trigger: '触发条件', content: '内容',
  recorder: '记录人', impliedByCaseTypes: '适用案件类型', folders: '文件夹', identityFiles: '识别文件', extensions: '文件扩展名',
  templates: '文件名格式', utcOffset: '时区', retentionMonths: '保存期限（月）', unannotatedAlertDays: '未标注提醒天数',
  proxyMinBitRate: '预览视频最低码率', verifyEveryDays: '证据库自动校验间隔（天）',
  // review and decisions
  decisionType: '决定类型', measures: '处罚种类', fine: '罚款金额', confiscation: '没收金额', discretion: '裁量档次',
  flags: '情形', filingApproval: '立案审批表', interviewRecords: '调查（询问、检查）笔录', evidence: '证据材料',
  notice: '告知书', statement: '陈述申辩材料', hearing: '听证材料', avRecords: '音像记录', statementWaived: '放弃陈述申辩',
  hearingRequested: '申请听证', item: '审查事项', result: '结果', outcome: '审核结论', conclusion: '讨论结论', enabled: '启用',
  caseTypes: '案件类型', procedures: '程序', person: '个人金额标准', organisation: '单位金额标准', basis: '依据',
  requiresDiscussion: '须集体讨论', dueWorkdays: '审核期限（工作日）', warnWorkdays: '提前提醒工作日数',
  maxExtensionWorkdays: '最多延长工作日数', autoAssign: '自动分配', holdMinutes: '占用时长（分钟）', serviceDays: '送达期限（天）',
  // disclosure and publishing
  title: '标题', partyName: '当事人名称', partyType: '当事人类型', creditCode: '统一社会信用代码', legalRep: '法定代表人',
  decisionNo: '决定书文号', category: '类别', violation: '违法行为', decidedOn: '决定日期', validUntil: '公示截止日期',
  authority: '决定机关', authorityCreditCode: '决定机关统一社会信用代码', fullText: '决定书全文', otherPersonNames: '其他人员姓名',
  heading: '小标题', text: '正文', caption: '表格标题', columns: '表格列', imageAlt: '图片说明', partyIsPerson: '当事人为个人',
  field: '所在栏目', start: '起始位置', end: '结束位置', replacement: '替换文字', kept: '保留的文字', event: '撤下原因', state: '状态',
  publishWorkdays: '公示期限（工作日）', withdrawWorkdays: '撤下期限（工作日）', takedownYears: '公示年限', takedownYearsPersons: '个人信息公示年限',
  partyStyle: '当事人显示方式', keepReleases: '保留版本数', siteBaseUrl: '网站地址', publicContacts: '公开联系方式', host: '服务器地址',
  port: '端口', remoteDir: '远程目录', hostKey: '服务器指纹', auth: '登录方式', privateKey: '私钥', privateKeyPath: '私钥文件',
  passphrase: '私钥口令', folderPath: '文件夹',
  // groups (objects and lists that hold the fields above)
  parties: '当事人', party: '当事人', proposal: '拟处理意见', amounts: '处罚金额', materials: '送审材料', checklist: '审查清单',
  sections: '正文段落', table: '表格', rows: '表格行', image: '图片', masks: '隐去的内容', rules: '目录规则', amount: '金额标准',
  profiles: '记录仪型号', patch: '标注内容', admin: '管理员', bureau: '单位信息', participants: '参加人员',
  // supervision
  unannotatedDays: '未标注天数', offloadStaleDays: '未导出天数', disclosureWarnWorkdays: '公示提醒工作日数', storageWarnGb: '存储提醒阈值（GB）',
  storageDangerGb: '存储告警阈值（GB）', storageWarnPercent: '存储提醒比例', annualReportDeadline: '年度数据公开截止日期',
  annualReportWarnDays: '年度数据提醒天数', archiveAfterDays: '结案后归档天数', backupStaleDays: '备份提醒天数', avGap: '缺少音像记录',
  officerIds: '执法人员', staleDays: '天数', ledger: '台账', filter: '筛选条件', note: '说明',
  reconsideration: '行政复议', litigation: '行政诉讼', received: '收到件数', upheld: '维持件数', revoked: '撤销件数', changed: '变更件数',
  confirmedIllegal: '确认违法件数', other: '其他件数',
};

/** Names that only make sense with their parent's name in front (e.g. 行政复议·收到件数). */
export const GROUP_NAMES = new Set(['行政复议', '行政诉讼']);
