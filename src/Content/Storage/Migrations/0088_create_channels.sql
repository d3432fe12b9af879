-- The channels this installation can store. A channel's code is its folder under src/Bot/Channels; its row here lets
-- contacts name it (the list used to be a CHECK on contacts.channel). Adding a channel = its folder and a migration that
-- inserts its name here; the gateway refuses to start with a registered channel missing from this table.

CREATE TABLE channels (
    name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]{1,31}$')
);

INSERT INTO channels (name) VALUES ('messenger'), ('zalo'), ('webchat');

ALTER TABLE contacts DROP CONSTRAINT contacts_channel_check;
ALTER TABLE contacts ADD CONSTRAINT contacts_channel_fkey FOREIGN KEY (channel) REFERENCES channels (name);
