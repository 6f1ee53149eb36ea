/** Bases the catalogue cites for rules many services share. */

/** The park's own promise: shorter than the law's limit, or the only limit where none applies. */
export const PARK_PROMISE = '园区“一件事一次办”服务承诺时限';

/** The general limit of administrative licensing, counted in working days. */
export const LICENSING_LIMIT =
  '《中华人民共和国行政许可法》第四十二条（二十日内作出决定，可延长十日）、第八十二条（期限以工作日计算）';

/** Filings are recorded, not decided: no statutory limit. */
export const FILING_NO_LIMIT = '备案事项不设审批时限，材料齐全即予备案；';

/** Value-added services are the park's own: no statutory limit applies. */
export const VALUE_ADDED_LIMIT = `园区增值服务，无法定时限；${PARK_PROMISE}`;
