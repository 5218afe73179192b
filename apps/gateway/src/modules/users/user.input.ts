import { IsEmail, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Role } from './user.entity';

@InputType()
export class CreateUserInput {
  @Field(() => String)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @Field(() => String)
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String)
  @Length(8, 200, { message: 'must be 8 to 200 characters' })
  password!: string;
}
