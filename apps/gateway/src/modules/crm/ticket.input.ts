import { Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TicketPriority } from './ticket.entity';

@InputType({ description: 'A new support ticket on a customer.' })
export class OpenTicketInput {
  @Field(() => ID, { description: 'The customer who needs help.' })
  customerId!: string;

  @Field(() => String, { description: 'One line saying what the customer needs (1 to 300 characters).' })
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  subject!: string;

  @Field(() => TicketPriority, { description: 'How urgent it is; it sets the SLA deadline.' })
  priority!: TicketPriority;
}
