/** A webhook subscription as stored. */
export interface SubscriptionRow {
  id: string;
  owner_type: 'ENTERPRISE' | 'INTEGRATOR' | 'PARK';
  enterprise_id: string | null;
  api_key_id: string | null;
  url: string;
  events: string[];
  /** Sealed (see WebhookSecretsService); the plaintext is shown only at creation and rotation. */
  secret: string;
  active: boolean;
  disabled_reason: string | null;
  consecutive_failures: number;
  version: number;
  created_at: Date;
}

/** One event's delivery to one subscription. */
export interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  body: Record<string, unknown>;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  attempts: number;
  last_status_code: number | null;
  created_at: Date;
}
