import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { invalid } from './domain-error';

// Chinese names of the fields a user fills in, so that a rejected form says which box is wrong.
const FIELD_LABELS: Record<string, string> = {
  id: '记录编号', idNumber: '身份证号', name: '姓名', accountClass: '账户类别', cardNumber: '银行卡号',
  phone: '预留手机号', phoneNumber: '手机号码', purpose: '开户用途', companionRelation: '陪同情况',
  companionName: '陪同人姓名', companionPhone: '陪同人电话', openedAt: '办理时间', cardKind: '卡类型',
  outcome: '办理结果', note: '备注', reason: '原因', username: '用户名', password: '密码', code: '微信登录凭证',
  kind: '类型', openingId: '开户记录编号', cancelledAt: '销户时间', date: '日期',
};

const PROBLEMS: Record<string, string> = {
  isDefined: '不能为空', isNotEmpty: '不能为空', isString: '应为文字', isUuid: '格式不正确',
  isIn: '取值不在允许范围内', isEnum: '取值不在允许范围内', maxLength: '过长', minLength: '过短',
  isIso8601: '应为日期时间', isDateString: '应为日期', matches: '格式不正确', whitelistValidation: '是不允许提交的字段',
  isInt: '应为整数', min: '过小', max: '过大',
};

export function describeValidationErrors(errors: ValidationError[], parent = ''): { field: string; problem: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => ({
      field,
      problem: `${FIELD_LABELS[error.property] ?? error.property}${PROBLEMS[constraint] ?? '不正确'}`,
    }));
    return [...own, ...describeValidationErrors(error.children ?? [], field)];
  });
}

/** Global pipe: unknown fields are refused, known ones checked, and the answer names the field in Chinese. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = describeValidationErrors(errors);
      const first = details[0]?.problem ?? '提交的内容不正确';
      return invalid('VALIDATION_FAILED', details.length > 1 ? `${first}（另有 ${details.length - 1} 处问题）` : first, details);
    },
  });
}
