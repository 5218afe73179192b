import { Field, ObjectType } from 'type-graphql';
import { PayloadType } from '../../graphql/payload';
import { UserError } from '../../graphql/user-error.type';
import { UserType } from './user.type';

@ObjectType()
export class LoginPayload {
  @Field(() => String, { nullable: true })
  token?: string | null;

  @Field(() => UserType, { nullable: true })
  user?: UserType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class CreateUserPayload {
  @Field(() => UserType, { nullable: true })
  user?: UserType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

/** What updateUser returns: the user as changed, or why not. */
export const UpdateUserPayload = PayloadType(UserType, 'user', 'UpdateUserPayload');
