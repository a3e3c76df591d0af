-- Per-user narrowing of what a role allows (issue 6), both JSON:
--   sites:  asset ids the user's scope is narrowed to, inside their communes; NULL = all of them.
--   grants: the commands the user may send, with optional bounds ([{type, min?, max?}]);
--           NULL = the role's defaults, '[]' = no command at all.
ALTER TABLE users ADD COLUMN sites TEXT;
ALTER TABLE users ADD COLUMN grants TEXT
