// The home page's work lists (shared/workLists.ts) counted and read by the list engine, through
// the same parsing and query as GET /api/<resource>?filter=…: the number on a card is the total
// of the list it links to, by construction.
import type { WorkCount } from '../../shared/api/stats.ts';
import { WORK_LISTS, type WorkList, type WorkListName } from '../../shared/workLists.ts';
import type { Db } from '../db/connect.ts';
import { countRows, fetchPage, type ApiRecord } from '../list/listQuery.ts';
import { parseListQuery } from '../list/parseListQuery.ts';
import { definitionOf } from '../resources/index.ts';


function listQuery(list: WorkList, size: number) {
  const def = definitionOf(list.resource);
  return {
    def,
    query: parseListQuery(def, { filter: JSON.stringify(list.filter), sort: JSON.stringify(list.sort), range: JSON.stringify([0, size - 1]) }),
  };
}

export async function countWorkLists(db: Db, lists: Record<WorkListName, WorkList>): Promise<Record<WorkListName, WorkCount>> {
  const counts = await Promise.all(WORK_LISTS.map(async (name) => {
    const { def, query } = listQuery(lists[name], 1);
    const { total, exact } = await countRows(db, def, query);
    return [name, { count: total, exact }] as const;
  }));
  return Object.fromEntries(counts) as Record<WorkListName, WorkCount>;
}

/** The first `size` records of a work list, in its order. */
export async function readWorkList(db: Db, list: WorkList, size: number): Promise<ApiRecord[]> {
  const { def, query } = listQuery(list, size);
  return (await fetchPage(db, def, query)).records;
}
