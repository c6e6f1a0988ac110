// Transfers from a county centre to the city institution (移交): create, send, receive, visits, pending.
import type { Command } from '@commander-js/extra-typings';
import type { TransferView } from '../../../contracts/api/transfers.ts';
import { bodyFrom, collectPair, context } from '../context.ts';
import type { CommandIo } from '../output.ts';
import { institutionName } from '../readable.ts';

const enc = encodeURIComponent;

function transferTable(out: ReturnType<typeof context>['out'], transfers: TransferView[]) {
  out.table(
    ['移交编号', '移出', '接收', '状态', '儿童'],
    transfers.map((t) => [t.transferId, institutionName(t.fromInstitutionId), institutionName(t.toInstitutionId), t.status, t.children.map((c) => `${c.childId}:${c.state}`).join(' ')]),
  );
}

export function transferCommands(program: Command<any, any, any>, io: CommandIo): void {
  const transfer = program.command('transfer').description('transfers from a county centre to the city institution (移交)');
  const withBody = (c: Command<any, any, any>) =>
    c.option('-f, --file <body.json>', 'the request body').option('--set <key=value>', 'a body field (repeatable)', collectPair);

  withBody(transfer.command('create').description('create a transfer (the county centre)')).action(async (...args: any[]) => {
    const [opts, cmd] = args as [{ file?: string; set?: string[] }, Command<any, any, any>];
    const { api, out } = context(cmd, io);
    const created = await api.call<TransferView>('POST', '/v1/transfers', bodyFrom(opts, 'transfer create'));
    out.result(created, () => transferTable(out, [created]));
  });

  transfer
    .command('show')
    .argument('<transferId>')
    .action(async (transferId, _opts, cmd) => {
      const { api, out } = context(cmd, io);
      const view = await api.call<TransferView>('GET', `/v1/transfers/${enc(transferId)}`);
      out.result(view, () => transferTable(out, [view]));
    });

  for (const [step, path, who] of [
    ['send', 'send', 'hand the children over (the county centre)'],
    ['receive', 'receive', 'receive the children (the city institution)'],
    ['visit', 'visits', 'record a visit under entrusted care'],
  ] as const) {
    withBody(transfer.command(step).description(who).argument('<transferId>')).action(async (...args: any[]) => {
      const [transferId, opts, cmd] = args as [string, { file?: string; set?: string[] }, Command<any, any, any>];
      const { api, out } = context(cmd, io);
      const view = await api.call<TransferView>('POST', `/v1/transfers/${enc(transferId)}/${path}`, bodyFrom(opts, `transfer ${step}`));
      out.result(view, () => transferTable(out, [view]));
    });
  }

  transfer
    .command('pending')
    .description("an institution's pending transfers, both sides")
    .argument('<institutionId>')
    .action(async (institutionId, _opts, cmd) => {
      const { api, out } = context(cmd, io);
      const view = await api.call<{ incoming: TransferView[]; outgoing: TransferView[] }>('GET', `/v1/institutions/${enc(institutionId)}/transfers`);
      out.result(view, () => transferTable(out, [...view.outgoing, ...view.incoming]));
    });
}
