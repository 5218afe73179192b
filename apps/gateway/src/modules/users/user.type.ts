import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from './user.entity';

registerEnumType(Role, { name: 'Role', description: 'What a user may read and write; see the contract README.' });

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => Boolean, { description: 'false: switched off; cannot sign in.' })
  active!: boolean;
}
