import { RegistrySchema1764320000000 } from './1764320000000-registry-schema';
import { RiskAndAlerts1764330000000 } from './1764330000000-risk-and-alerts';
import { LeanAuditIndexes1764340000000 } from './1764340000000-lean-audit-indexes';

/** Every migration, oldest first. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [RegistrySchema1764320000000, RiskAndAlerts1764330000000, LeanAuditIndexes1764340000000];
