import type { DeliveryMethod } from '../../shared/deliveries';

/** A subscription row as both stores hand it back (times as ISO strings). */
export interface SubscriptionRecord {
  id: number;
  gymId: string;
  branchId: string | null;
  /** 'churn' rows belong to the churn report; the lead report service skips them. */
  reportType: 'daily' | 'weekly' | 'churn';
  templateId: number | null;
  active: boolean;
  deliveryMethod: DeliveryMethod;
  recipients: string[];
  deliveryTime: string;
  deliveryDays: string[] | null;
  timezone: string;
  skipWhenEmpty: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export type SubscriptionValues = Omit<SubscriptionRecord, 'id' | 'createdAt'>;

/** The subscriptions table, in the team PostgreSQL or the local store. */
export interface SubscriptionRows {
  all(): Promise<SubscriptionRecord[]>;
  get(id: number): Promise<SubscriptionRecord | null>;
  insert(values: SubscriptionValues, createdAt: string): Promise<number>;
  update(id: number, values: SubscriptionValues): Promise<boolean>;
  /** Deletes the row; its deliveries lose the link and keep their own request snapshot. */
  remove(id: number): Promise<void>;
  templateExists(id: number): Promise<boolean>;
}
