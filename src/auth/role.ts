import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  ORGANIZER = 'ORGANIZER',
  JUDGE = 'JUDGE',
  STUDIO_MANAGER = 'STUDIO_MANAGER',
  REVIEWER = 'REVIEWER',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'A user’s role (角色); a user may hold several. ADMIN passes every role check.',
  valuesConfig: {
    ADMIN: { description: 'Runs the system: users, registry, everything.' },
    ORGANIZER: { description: 'Sets up and runs competitions; maintains the registry.' },
    JUDGE: { description: 'Marks entries of competitions they are assigned to (裁判).' },
    STUDIO_MANAGER: { description: 'Manages innovation studios they applied for.' },
    REVIEWER: { description: 'Expert reviewer (专家) of studios, methods and projects.' },
  },
});
