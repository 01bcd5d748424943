// The peer: table 三 of the 2021 format built the way a team would with SurveyJS — 24 input rows
// × 6 applicant columns, a 总计 column computed per row by an expression, and （七）总计 computed
// by the matrix's own column totals over the result rows.
const applicants = [
  ['natural', '自然人'], ['business', '商业企业'], ['research', '科研机构'],
  ['nonprofit', '社会公益组织'], ['legal', '法律服务机构'], ['other', '其他'],
];
const columns = [
  ...applicants.map(([name, title]) => ({
    name, title, cellType: 'text', inputType: 'number', min: 0, totalType: 'sum',
  })),
  {
    name: 'total', title: '总计', cellType: 'expression', totalType: 'sum',
    expression: applicants.map(([n]) => `{row.${n}}`).join(' + '),
  },
];
const results = [
  '（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '（三）1.属于国家秘密', '（三）2.其他法律行政法规禁止公开', '（三）3.危及“三安全一稳定”',
  '（三）4.保护第三方合法权益', '（三）5.属于三类内部事务信息', '（三）6.属于四类过程性信息',
  '（三）7.属于行政执法案卷', '（三）8.属于行政查询事项',
  '（四）1.本机关不掌握相关政府信息', '（四）2.没有现成信息需要另行制作', '（四）3.补正后申请内容仍不明确',
  '（五）1.信访举报投诉类申请', '（五）2.重复申请', '（五）3.要求提供公开出版物',
  '（五）4.无正当理由大量反复申请', '（五）5.要求行政机关确认或重新出具已获取信息',
  '（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '（六）3.其他',
];
const json = {
  textUpdateMode: 'onTyping',
  elements: [
    {
      type: 'matrixdropdown', name: 'received', title: '一、二：收到的申请', columns,
      rows: [
        { value: 'new', text: '一、本年新收政府信息公开申请数量' },
        { value: 'carried', text: '二、上年结转政府信息公开申请数量' },
      ],
    },
    {
      type: 'matrixdropdown', name: 'results', title: '三、本年度办理结果', columns,
      totalText: '（七）总计',
      rows: results.map((text, i) => ({ value: `r${i}`, text })),
    },
    {
      type: 'matrixdropdown', name: 'carry', title: '四', columns,
      rows: [{ value: 'carried-over', text: '四、结转下年度继续办理' }],
    },
  ],
};
const survey = new Survey.Model(json);
SurveyUI.renderSurvey(survey, document.getElementById('survey'));
