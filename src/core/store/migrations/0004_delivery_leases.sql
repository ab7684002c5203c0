ALTER TABLE `deliveries` ADD `request` text;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `lease_token` text;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `note` text;--> statement-breakpoint
CREATE INDEX `deliveries_status_next_idx` ON `deliveries` (`status`,`next_attempt_at`);