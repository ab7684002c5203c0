import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../../../shared/contract';
import type { SendNowInput } from '../../../../../shared/deliveries';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

export type ReportParams = Input<'reports.leads.generate'>;

/** What was asked for by the last "Generate": the report, and the template to lay it out. */
export interface ReportRequest {
  params: ReportParams;
  templateId: number | null;
}

/** The report's numbers, and whether PostgreSQL or the local mirror answered. */
export function useLeadReport(request: ReportRequest | null) {
  return useQuery({
    queryKey: keys.leadReport(request?.params ?? { type: 'daily', gymId: '' }),
    queryFn: () => call('reports.leads.generate', request?.params),
    enabled: request !== null,
    staleTime: 60_000,
  });
}

/** The report as HTML, exactly as it is mailed. */
export function useLeadReportHtml(request: ReportRequest | null) {
  return useQuery({
    queryKey: keys.leadReportHtml(
      request?.params ?? { type: 'daily', gymId: '' },
      request?.templateId ?? null,
    ),
    queryFn: async () => {
      const out = await call('reports.leads.render', {
        params: request?.params as ReportParams,
        templateId: request?.templateId ?? undefined,
        format: 'html',
      });
      return 'html' in out ? out.html : '';
    },
    enabled: request !== null,
    staleTime: 60_000,
  });
}

/** Renders the PDF into the data folder's reports/ and says where. */
export function useSaveReportPdf() {
  return useMutation({
    mutationFn: async (request: ReportRequest) => {
      const out = await call('reports.leads.render', {
        params: request.params,
        templateId: request.templateId ?? undefined,
        format: 'pdf',
      });
      if (!('pdfPath' in out)) throw new Error('Core returned HTML where a PDF was asked for.');
      return out;
    },
    meta: { inlineError: true },
  });
}

type AdHoc = Extract<SendNowInput, { params: unknown }>;
export type SendNowRequest = Pick<AdHoc, 'method' | 'recipients'> & ReportRequest;

/** Sends the report through the delivery path (recorded in the history); resolves once it is done. */
export function useSendReportNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: SendNowRequest) =>
      call('reports.leads.sendNow', {
        params: request.params,
        method: request.method,
        recipients: request.recipients,
        templateId: request.templateId,
      }),
    meta: { inlineError: true },
    onSettled: () => client.invalidateQueries({ queryKey: ['deliveries.list'] }),
  });
}
