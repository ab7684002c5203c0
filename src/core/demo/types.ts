/**
 * The demo data as plain objects, shaped like what the source systems hold (DESIGN.md,
 * "Source layouts"). Timestamps are ISO 8601 UTC strings, except the Redis hash fields,
 * which are exactly the strings the chatbot writes (some without a zone).
 */

export type DemoSize = 'small' | 'standard';

export interface DemoCounts {
  chatSessions: number;
  webChatSessions: number;
  gymLeads: number;
  callLogs: number;
  shopUsers: number;
  shopEvents: number;
}

export interface DemoOptions {
  seed: number;
  size: DemoSize;
  /** The moment the data is "as of"; default: the current hour, so a re-run within it is identical. */
  now?: Date;
  counts?: Partial<DemoCounts>;
}

/** Options resolved once, shared by every domain's iterator. */
export interface DemoPlan {
  seed: number;
  nowMs: number;
  counts: DemoCounts;
}

// --- Redis chatbot sessions (seed 001) -----------------------------------------------------

export interface RedisSessionHash {
  user_data_collected: 'true' | 'false';
  user_name?: string;
  email?: string;
  phone?: string;
  organization?: string;
  last_interaction: string;
}

export interface RedisLeadHash {
  lead_score: string;
  priority: 'low' | 'medium' | 'high' | 'critical';
  engagement_score: string;
  total_queries: string;
  first_interaction: string;
  last_interaction: string;
}

export interface RedisChatSession {
  id: string;
  session: RedisSessionHash;
  lead: RedisLeadHash | null;
  /** Oldest first: "User: …" / "Bot: …". */
  chat: string[];
}

// --- Web chat (seed 004) ---------------------------------------------------------------------

export interface WebChatSessionRow {
  session_id: string;
  started_at: string;
  last_message_at: string;
  completion_status: 'complete' | 'partial' | 'abandoned';
  archive_status: 'active' | 'archived';
  ai_engaged: boolean;
  updated_at: string;
}

export interface WebChatMessageRow {
  session_id: string;
  sender: 'user' | 'ai';
  message: string;
  created_at: string;
}

export interface WebChatLeadRow {
  session_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  answers: Record<string, string>;
  created_at: string;
  updated_at: string;
}

export interface WebChat {
  session: WebChatSessionRow;
  messages: WebChatMessageRow[];
  lead: WebChatLeadRow | null;
}

// --- Gym leads and calls (seed 002) ----------------------------------------------------------

export interface Gym {
  id: string;
  name: string;
  timezone: string;
}

export interface Branch {
  id: string;
  gymId: string;
  name: string;
}

export interface StaffUser {
  id: string;
  name: string;
  email: string;
  role: 'agent' | 'manager';
  gymId: string;
  branchId: string | null;
  createdAt: string;
}

export type LeadStatus = 'new' | 'contacted' | 'qualified' | 'converted' | 'lost';

export interface GymLead {
  id: string;
  branch_id: string;
  gym_id: string;
  first_name: string;
  last_name: string;
  phone: string;
  email: string;
  lead_status: LeadStatus;
  created_at: string;
  updated_at: string;
}

export type CallOutcome =
  | 'interested'
  | 'not_interested'
  | 'callback'
  | 'voicemail'
  | 'no_answer'
  | 'booked_tour'
  | 'wrong_number';

export interface CallLog {
  id: string;
  lead_id: string;
  branch_id: string;
  gym_id: string;
  user_id: string;
  direction: 'inbound' | 'outbound';
  status: 'completed' | 'missed' | 'failed';
  outcome: CallOutcome | null;
  duration: number;
  created_at: string;
  notes: string | null;
}

export interface GymDirectory {
  gyms: Gym[];
  branches: Branch[];
  staff: StaffUser[];
}

export interface GymLeadBundle {
  lead: GymLead;
  /** Oldest first. */
  calls: CallLog[];
}

// --- Shop users and events (seed 003) --------------------------------------------------------

export type ShopEventType =
  | 'page_view'
  | 'product_view'
  | 'added_to_cart'
  | 'removed_from_cart'
  | 'cart_quantity_updated'
  | 'added_to_wishlist'
  | 'removed_from_wishlist'
  | 'purchase'
  | 'order_completed';

export interface ShopUser {
  client_id: number;
  user_id: string;
  email: string;
  name: string;
}

export interface ShopEvent {
  /** 1-based, stable per seed: the writers use it as the events table's id. */
  id: number;
  client_id: number;
  user_id: string;
  event_type: ShopEventType;
  timestamp: string;
  price: number | null;
  quantity: number | null;
  session_id: string;
}

export interface ShopUserBundle {
  user: ShopUser;
  /** Oldest first. */
  events: ShopEvent[];
}

// --- Everything at once (small and standard sizes) -------------------------------------------

export interface DemoData {
  seed: number;
  now: string;
  counts: DemoCounts;
  chatSessions: RedisChatSession[];
  webChats: WebChat[];
  gyms: Gym[];
  branches: Branch[];
  staff: StaffUser[];
  gymLeads: GymLead[];
  callLogs: CallLog[];
  shopUsers: ShopUser[];
  shopEvents: ShopEvent[];
}
