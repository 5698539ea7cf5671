/**
 * The worker's Activity calls (`activitySummary`, `activityHistory` of WorkerApi) over a
 * datastore and the query engine. The worker spreads the result of `createSummaryApi` into its
 * API object; the service listens to the datastore's change notices to drop stale days.
 */
import { formatPeriod } from '../../core/query/period';
import type { QueryRequest } from '../../core/query/run';
import type { EventSource } from '../../core/query/source';
import type { DatastoreApi } from '../../store/types';
import type { WorkerApi } from '../api';
import { activityHistory } from './history';
import { canonicalListsProgram } from './program';
import { SummaryService } from './service';

export type SummaryApiOptions = {
	datastore: Pick<DatastoreApi, 'listBuckets' | 'getEvents' | 'countEvents' | 'onChange'>;
	runQuery: (request: QueryRequest, source: EventSource) => Promise<unknown[]>;
};

export function createSummaryApi({
	datastore,
	runQuery
}: SummaryApiOptions): Required<Pick<WorkerApi, 'activitySummary' | 'activityHistory'>> {
	const service = new SummaryService({
		listBuckets: () => datastore.listBuckets(),
		getEvents: (bucketId, range) => datastore.getEvents(bucketId, range),
		buildProgram: canonicalListsProgram,
		async run(program, period) {
			const timeperiods = [formatPeriod(period)];
			const [result] = await runQuery({ query: program, timeperiods }, datastore);
			return result;
		}
	});
	datastore.onChange((notice) => service.invalidate(notice));
	return {
		activitySummary: (request) => service.summarize(request),
		activityHistory: (host, periods, allHosts) =>
			activityHistory(
				{
					listBuckets: () => datastore.listBuckets(),
					runPeriods: (query, timeperiods) => runQuery({ query, timeperiods }, datastore)
				},
				host,
				periods,
				allHosts
			)
	};
}

export { SummaryService } from './service';
export type * from './types';
