import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  ORGANIZER = 'ORGANIZER',
  JUDGE = 'JUDGE',
  STUDIO_MANAGER = 'STUDIO_MANAGER',
  REVIEWER = 'REVIEWER',
  NOMINATOR = 'NOMINATOR',
  APPRAISER = 'APPRAISER',
  INSPECTOR = 'INSPECTOR',
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
    NOMINATOR: { description: 'Enterprise nominator (企业推荐人): nominates workers of their own enterprise for honor campaigns; needs an enterprise scope (User.enterprise).' },
    APPRAISER: { description: 'Appraisal body staff (评价机构人员): runs appraisal sessions of the appraisal body that is their enterprise scope; enters marks as an assessor.' },
    INSPECTOR: { description: 'City inspector (市级督导): samples appraisal sessions’ results for review (抽查) and annuls them.' },
  },
});
