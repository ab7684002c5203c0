-- Full-text index over message text (FTS5, external content: the text lives once, in chat_messages).
CREATE VIRTUAL TABLE `chat_messages_fts` USING fts5(`text`, content='chat_messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `chat_messages_ai` AFTER INSERT ON `chat_messages` BEGIN
  INSERT INTO chat_messages_fts(rowid, text) VALUES (new.id, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `chat_messages_ad` AFTER DELETE ON `chat_messages` BEGIN
  INSERT INTO chat_messages_fts(chat_messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
--> statement-breakpoint
CREATE TRIGGER `chat_messages_au` AFTER UPDATE OF `text` ON `chat_messages` BEGIN
  INSERT INTO chat_messages_fts(chat_messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO chat_messages_fts(rowid, text) VALUES (new.id, new.text);
END;
