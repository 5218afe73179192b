import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { toPayload } from '../../graphql/payload';
import { CreateUserInput, UpdateUserInput } from './user.input';
import { CreateUserPayload, LoginPayload, UpdateUserPayload } from './user.payload';
import { UserType } from './user.type';

@Resolver()
export class UserResolver {
  @Mutation(() => LoginPayload, { description: 'Signs in; the token goes in Authorization: Bearer <token>.' })
  async login(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context): Promise<LoginPayload> {
    const r = await ctx.services.auth.login(ctx.em, email, password);
    return r.ok ? { token: r.value.token, user: r.value.user, userErrors: [] } : { token: null, user: null, userErrors: r.userErrors };
  }

  @Query(() => UserType, { description: 'The signed-in user.' })
  me(@Ctx() ctx: Context): Promise<UserType> {
    return ctx.services.users.me(ctx.em, ctx.viewer);
  }

  @Mutation(() => CreateUserPayload, { description: 'ADMIN only.' })
  async createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context): Promise<CreateUserPayload> {
    const r = await ctx.services.users.createUser(ctx.em, ctx.viewer, input);
    return r.ok ? { user: r.value, userErrors: [] } : { user: null, userErrors: r.userErrors };
  }

  @Mutation(() => UpdateUserPayload, { description: 'ADMIN only. A new role or standing applies at once, on every instance, to the user’s requests and open subscriptions.' })
  async updateUser(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateUserInput) input: UpdateUserInput, @Ctx() ctx: Context) {
    return toPayload('user', await ctx.services.users.updateUser(ctx.em, ctx.viewer, id, input), (u) => u);
  }
}
