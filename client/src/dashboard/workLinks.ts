// The home page's links into the lists: the filters of shared/workLists.ts for the server's
// "today" (from the overview, so every card counts and links on the same UTC day).
import { workListPath, workLists, type WorkListName } from '../../../shared/workLists.ts';

export function workLinks(today: string): Record<WorkListName, string> {
  const lists = workLists(today);
  return Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, workListPath(list)])) as Record<WorkListName, string>;
}
