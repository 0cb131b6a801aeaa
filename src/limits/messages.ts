import { defineMessages } from '../common/i18n.js';

/** Messages of src/limits: what a client reads when a limit refuses its request (the codes are the contract). */
export const m = defineMessages('limits', {
  queryTooDeep: { zh: '查询嵌套过深：最多 {{max}} 层', en: 'Query depth limit of {{max}} exceeded' },
  tooManyAliases: { zh: '查询中的别名过多：最多 {{max}} 个', en: 'Alias limit of {{max}} exceeded' },
  tooManyDirectives: { zh: '查询中的指令过多：最多 {{max}} 个', en: 'Directive limit of {{max}} exceeded' },
  tooManyTokens: { zh: '查询过长：最多 {{max}} 个词法单元', en: 'Token limit of {{max}} exceeded' },
  pageTooLarge: { zh: '`{{field}}` 的 `{{name}}` 最大为 {{max}}，收到 {{got}}', en: '`{{name}}` on `{{field}}` must be at most {{max}}, got {{got}}' },
  queryTooCostly: {
    zh: '查询成本 {{cost}} 超过上限 {{max}}：请减小分页或少取字段',
    en: 'Query cost {{cost}} exceeds the maximum of {{max}}: ask for smaller pages or fewer fields',
  },
  costBudgetExhausted: {
    zh: '查询额度已用完：本次查询成本 {{cost}}，剩余 {{available}}；请 {{seconds}} 秒后重试',
    en: 'Query cost budget exhausted: this query costs {{cost}}, {{available}} available; retry in {{seconds}} s',
  },
  tooManyWrites: {
    zh: '写入过于频繁：每秒最多 {{rate}} 次（突发最多 {{burst}} 次）；请 {{seconds}} 秒后重试',
    en: 'Too many writes: at most {{rate}} per second (bursts of {{burst}}); retry in {{seconds}} s',
  },
  tooManyOperations: { zh: '一个连接上同时最多 {{max}} 个操作', en: 'At most {{max}} operations at once on one connection' },
  unknownOperation: { zh: '无法确定要执行的操作', en: 'Unable to identify operation' },
  tooManyConnections: { zh: '来自此地址的连接过多（最多 {{max}} 个）', en: 'Too many connections from this address (at most {{max}})' },
  bodyTooLarge: { zh: '请求体超过 {{max}} 字节', en: 'Request body larger than {{max}} bytes' },
  bodyNotJson: { zh: '请求体不是有效的 JSON', en: 'Request body is not valid JSON' },
  noBatching: { zh: '不支持批量操作：每个请求只发送一个操作', en: 'Batched operations are not supported: send one operation per request' },
});
