import { z } from 'zod';
import { Created, IdParams, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { attachment, xlsxContentType } from './care.export';
import {
  AddConditionBody,
  BirthdayList,
  BirthdayQuery,
  CareFileExportQuery,
  CareFileListItem,
  CareFileListQuery,
  CareFileSuggestion,
  CareFileVersionView,
  CareFileView,
  CareStats,
  CareStatsQuery,
  ConditionParams,
  ConditionView,
  OpenCareFileBody,
  SuggestionQuery,
  UpdateCareFileBody,
  UpdateConditionBody,
} from './care-files.schemas';
import type { CareService } from './care.service';

export function careFilesRoutes(app: App, care: CareService): void {
  const tags = ['care'];
  const { files, reports } = care;
  app.get('/care-files', { schema: { tags, querystring: CareFileListQuery, response: { 200: pageOf(CareFileListItem) } }, config: { permission: 'care_file.read' } },
    (req) => files.list(actorOf(req), req.query));
  app.get('/care-files/suggestions', { schema: { tags, querystring: SuggestionQuery, response: { 200: z.array(CareFileSuggestion) } }, config: { permission: 'care_file.manage' } },
    (req) => files.suggestions(actorOf(req), req.query.limit));
  app.get('/care-files/export', { schema: { tags, querystring: CareFileExportQuery }, config: { permission: 'care_file.read' } },
    async (req, reply) => {
      const out = await reports.exportCareFiles(actorOf(req), req.locale, req.query);
      return reply.header('content-type', xlsxContentType).header('content-disposition', attachment(out.filename)).send(out.stream);
    });
  app.post('/care-files', { schema: { tags, body: OpenCareFileBody, response: { 201: Created } }, config: { permission: 'care_file.manage' } },
    async (req, reply) => reply.status(201).send(await files.open(actorOf(req), req.body)));
  app.get('/care-files/:id', { schema: { tags, params: IdParams, response: { 200: CareFileView } }, config: { permission: 'care_file.read' } },
    (req) => files.get(actorOf(req), req.params.id));
  app.patch('/care-files/:id', { schema: { tags, params: IdParams, body: UpdateCareFileBody, response: { 200: CareFileView } }, config: { permission: 'care_file.manage' } },
    (req) => files.update(actorOf(req), req.params.id, req.body));
  app.get('/care-files/:id/versions', { schema: { tags, params: IdParams, response: { 200: z.array(CareFileVersionView) } }, config: { permission: 'care_file.read' } },
    (req) => files.versions(actorOf(req), req.params.id));
  app.post('/care-files/:id/conditions', { schema: { tags, params: IdParams, body: AddConditionBody, response: { 201: ConditionView } }, config: { permission: 'care_file.manage' } },
    async (req, reply) => reply.status(201).send(await files.addCondition(actorOf(req), req.params.id, req.body)));
  app.patch('/care-files/:id/conditions/:conditionId', { schema: { tags, params: ConditionParams, body: UpdateConditionBody, response: { 200: ConditionView } }, config: { permission: 'care_file.manage' } },
    (req) => files.updateCondition(actorOf(req), req.params.id, req.params.conditionId, req.body));

  app.get('/care/stats', { schema: { tags, querystring: CareStatsQuery, response: { 200: CareStats } }, config: { permission: 'care_stats.read' } },
    (req) => reports.stats(actorOf(req), req.query));
  app.get('/care/birthdays', { schema: { tags, querystring: BirthdayQuery, response: { 200: BirthdayList } }, config: { permission: 'care_birthday.read' } },
    (req) => reports.birthdays(actorOf(req), req.query));
  app.get('/care/birthdays/export', { schema: { tags, querystring: BirthdayQuery }, config: { permission: 'care_birthday.read' } },
    async (req, reply) => {
      const out = await reports.exportBirthdays(actorOf(req), req.locale, req.query);
      return reply.header('content-type', xlsxContentType).header('content-disposition', attachment(out.filename)).send(out.stream);
    });
}
