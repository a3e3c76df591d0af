import type { CommandType } from '../../../shared/domain/commands';
import type { SessionUser } from '../../../shared/domain/users';

/**
 * Which commands a role may send. Elected officials act on their own commune's heating and
 * cemetery gate; on-call staff acknowledge but do not command. (Finer grants come with user admin.)
 */
export function mayCommand(user: SessionUser, type: CommandType): boolean {
  switch (user.role) {
    case 'admin':
    case 'operator':
      return true;
    case 'elected':
      return type === 'heating.setpoint' || type === 'gate.set';
    case 'oncall':
      return false;
  }
}

/** Everyone who can log in may acknowledge the alarms they see. */
export function mayAcknowledge(user: SessionUser): boolean {
  return user.role !== 'elected' || user.communes.length > 0;
}
