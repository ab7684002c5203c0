CREATE TABLE `call_logs` (
	`id` text PRIMARY KEY NOT NULL,
	`lead_id` text,
	`branch_id` text,
	`gym_id` text NOT NULL,
	`user_id` text,
	`direction` text,
	`status` text NOT NULL,
	`outcome` text,
	`duration` integer,
	`created_at` text NOT NULL,
	`notes` text
);
--> statement-breakpoint
CREATE INDEX `call_logs_gym_created_idx` ON `call_logs` (`gym_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `chat_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`seq` integer NOT NULL,
	`sender` text NOT NULL,
	`text` text NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`session_id`) REFERENCES `chat_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chat_messages_session_seq_uq` ON `chat_messages` (`session_id`,`seq`);--> statement-breakpoint
CREATE TABLE `chat_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`source_id` text NOT NULL,
	`visitor_name` text,
	`email` text,
	`phone` text,
	`organization` text,
	`company` text,
	`user_data_collected` integer DEFAULT false NOT NULL,
	`started_at` text,
	`last_interaction_at` text,
	`message_count` integer DEFAULT 0 NOT NULL,
	`completion_status` text,
	`archive_status` text,
	`ai_engaged` integer,
	`answers` text,
	`lead_score` real,
	`priority` text,
	`engagement_score` real,
	`total_queries` integer,
	`first_interaction_at` text,
	`score_reasons` text DEFAULT '[]' NOT NULL,
	`finalized_at` text,
	`vanished_at` text,
	`source_hash` text,
	`synced_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chat_sessions_source_uq` ON `chat_sessions` (`source`,`source_id`);--> statement-breakpoint
CREATE INDEX `chat_sessions_last_interaction_idx` ON `chat_sessions` (`last_interaction_at`);--> statement-breakpoint
CREATE INDEX `chat_sessions_priority_idx` ON `chat_sessions` (`priority`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscription_id` integer,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`lease_until` text,
	`error` text,
	`report_json` text,
	`pdf_path` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_subscription_period_uq` ON `deliveries` (`subscription_id`,`period_start`);--> statement-breakpoint
CREATE TABLE `delivery_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`message` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `delivery_log_delivery_idx` ON `delivery_log` (`delivery_id`);--> statement-breakpoint
CREATE TABLE `delivery_recipients` (
	`delivery_id` integer NOT NULL,
	`recipient` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`error` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`delivery_id`, `recipient`),
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `error_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`scope` text NOT NULL,
	`message` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE TABLE `job_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text,
	`summary` text,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `job_runs_job_started_idx` ON `job_runs` (`job`,`created_at`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` text,
	`gym_id` text NOT NULL,
	`first_name` text,
	`last_name` text,
	`phone` text,
	`email` text,
	`lead_status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `leads_gym_created_idx` ON `leads` (`gym_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `leads_gym_updated_idx` ON `leads` (`gym_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `qa_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`status` text DEFAULT 'unchecked' NOT NULL,
	`reviewer_id` text,
	`note` text,
	`developer_feedback` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `chat_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `qa_reviews_session_uq` ON `qa_reviews` (`session_id`);--> statement-breakpoint
CREATE TABLE `report_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`builtin` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `shop_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`event_type` text NOT NULL,
	`timestamp` text NOT NULL,
	`price` real,
	`quantity` integer,
	`session_id` text
);
--> statement-breakpoint
CREATE INDEX `shop_events_client_ts_idx` ON `shop_events` (`client_id`,`timestamp`);--> statement-breakpoint
CREATE INDEX `shop_events_client_user_idx` ON `shop_events` (`client_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `shop_users` (
	`client_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`email` text,
	`name` text,
	PRIMARY KEY(`client_id`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`role` text DEFAULT 'agent' NOT NULL,
	`gym_id` text,
	`branch_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`gym_id` text NOT NULL,
	`branch_id` text,
	`report_type` text NOT NULL,
	`template_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`delivery_method` text NOT NULL,
	`recipients` text NOT NULL,
	`delivery_time` text NOT NULL,
	`delivery_days` text,
	`timezone` text NOT NULL,
	`skip_when_empty` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `report_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`source` text PRIMARY KEY NOT NULL,
	`cursor` text,
	`last_synced_at` text,
	`last_error` text
);
