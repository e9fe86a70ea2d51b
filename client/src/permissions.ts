// What each role may see and do in the SPA: the shared table the server enforces too
// (shared/permissions.ts). authProvider.canAccess, menus and action buttons answer from it.
export { canDo, canRead } from '../../shared/permissions.ts';
