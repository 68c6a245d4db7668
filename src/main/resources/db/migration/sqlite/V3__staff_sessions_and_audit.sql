-- The newsroom's people and door: staff accounts with their sections, passkeys and password
-- factors, single-use enrolment links, sessions (any node serves any of them), single-use WebAuthn
-- challenges, sign-in attempts for limits held across nodes, and the append-only audit log.
-- Written so that running it again changes nothing.
CREATE TABLE IF NOT EXISTS staff (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  email         TEXT    NOT NULL UNIQUE,
  name          TEXT    NOT NULL,
  role          TEXT    NOT NULL,
  sections      TEXT    NOT NULL,
  language      TEXT    NOT NULL,
  disabled      BOOLEAN NOT NULL,
  password_hash TEXT,
  totp_secret   TEXT,
  created_at    BIGINT  NOT NULL
);

CREATE TABLE IF NOT EXISTS passkeys (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  staff_id       BIGINT  NOT NULL REFERENCES staff (id),
  credential_id  TEXT    NOT NULL UNIQUE,
  name           TEXT    NOT NULL,
  credential     BLOB    NOT NULL,
  sign_count     BIGINT  NOT NULL,
  hardware       BOOLEAN NOT NULL,
  created_at     BIGINT  NOT NULL,
  last_used_at   BIGINT
);
CREATE INDEX IF NOT EXISTS passkeys_of_staff ON passkeys (staff_id);

CREATE TABLE IF NOT EXISTS enrolments (
  token_hash TEXT   PRIMARY KEY,
  staff_id   BIGINT NOT NULL REFERENCES staff (id),
  issued_at  BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at    BIGINT
);

CREATE TABLE IF NOT EXISTS sessions (
  id_hash      TEXT   PRIMARY KEY,
  staff_id     BIGINT NOT NULL REFERENCES staff (id),
  csrf         TEXT   NOT NULL,
  created_at   BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  verified_at  BIGINT NOT NULL,
  device       TEXT   NOT NULL,
  address      TEXT   NOT NULL,
  ended_at     BIGINT
);
CREATE INDEX IF NOT EXISTS sessions_of_staff ON sessions (staff_id);

CREATE TABLE IF NOT EXISTS challenges (
  challenge  TEXT   PRIMARY KEY,
  purpose    TEXT   NOT NULL,
  staff_id   BIGINT,
  expires_at BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS sign_in_attempts (
  key TEXT   NOT NULL,
  at  BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS sign_in_attempts_by_key ON sign_in_attempts (key, at);

CREATE TABLE IF NOT EXISTS audit_log (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  at       BIGINT NOT NULL,
  actor_id BIGINT,
  actor    TEXT   NOT NULL,
  action   TEXT   NOT NULL,
  subject  TEXT   NOT NULL,
  detail   TEXT   NOT NULL,
  address  TEXT   NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_by_time ON audit_log (at);
CREATE TRIGGER IF NOT EXISTS audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
