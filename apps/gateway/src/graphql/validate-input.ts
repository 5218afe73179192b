import { validate, type ValidationError } from 'class-validator';
import { UserErrorCode, userError, type UserError } from './user-error.type';

function flatten(errors: ValidationError[], path: string[]): UserError[] {
  return errors.flatMap((e) => {
    const here = [...path, e.property];
    const own = Object.values(e.constraints ?? {}).map((m) => userError(UserErrorCode.BAD_USER_INPUT, `${e.property} ${m.replace(new RegExp(`^${e.property}\\s+`), '')}`, here));
    return [...own, ...flatten(e.children ?? [], here)];
  });
}

/**
 * Runs an input class's class-validator rules and returns them as `userErrors`
 * whose `field` is the input path, the contract's form for validation refusals.
 */
export async function inputErrors(input: object, path: string[] = ['input']): Promise<UserError[]> {
  return flatten(await validate(input, { forbidUnknownValues: false }), path);
}
