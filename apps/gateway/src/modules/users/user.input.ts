import { IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars';
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

@InputType({ description: 'What to change; a field left out stays as it is.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name?: string | null;

  @Field(() => Role, { nullable: true, description: 'What the user may read and write from its next request on.' })
  role?: Role | null;

  @Field(() => Boolean, { nullable: true, description: 'false switches the user off: it cannot sign in, and its tokens and open sockets stop working at once.' })
  active?: boolean | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'A sales user’s commission rate as a fraction (0.05 for 5 %, the default), 0 to 1.' })
  commissionRate?: string | null;
}
