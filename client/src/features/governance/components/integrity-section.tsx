import { useId, useRef } from 'react';
import type { Anchor, VerifyResult } from '@shared/schemas/audit';
import { useAnchors } from '../api/list-anchors';
import { useSealAnchor } from '../api/seal-anchor';
import { useVerifyChains } from '../api/verify-chains';
import { useGovernanceI18n } from '../i18n';
import { ScrollTable, BlockEmpty, BlockError, QueryBlock, Section } from './section';

/**
 * Tamper evidence: recompute every chain on demand, and the anchors (Merkle roots over all chain
 * heads) that reveal a deleted or truncated chain, which no single chain can show by itself.
 */
export function IntegritySection() {
  const { t } = useGovernanceI18n();
  return (
    <Section title={t('integrity.title')} intro={t('integrity.intro')}>
      <VerifyPanel />
      <AnchorsPanel />
    </Section>
  );
}

function VerifyPanel() {
  const { t, formatInstant } = useGovernanceI18n();
  const verify = useVerifyChains();
  const checking = verify.isFetching;
  const resultId = useId();
  return (
    <div className="gov-verify">
      <div className="gov-verify-action">
        <button type="button" className="button button-primary" onClick={() => void verify.refetch()} disabled={checking} aria-describedby={resultId}>
          {checking ? t('integrity.verifying') : t('integrity.verify')}
        </button>
      </div>
      <div id={resultId} className="gov-verify-result" role="status" aria-live="polite">
        {checking ? (
          <p className="gov-muted">{t('integrity.verifyingDetail')}</p>
        ) : verify.isError ? (
          <BlockError error={verify.error} onRetry={() => void verify.refetch()} />
        ) : verify.data ? (
          <VerifyOutcome result={verify.data} checkedAt={formatInstant(new Date(verify.dataUpdatedAt).toISOString())} />
        ) : (
          <p className="gov-muted">{t('integrity.notYet')}</p>
        )}
      </div>
    </div>
  );
}

/** The result in words: what verifies, or where the first break is and what kind it is. */
function VerifyOutcome({ result, checkedAt }: { result: VerifyResult; checkedAt: string }) {
  const { t, count } = useGovernanceI18n();
  if (result.ok) {
    return (
      <div className="gov-callout gov-callout-good">
        <p className="gov-verdict">
          <Mark ok /> {t('integrity.ok', { chains: count('count.chains', result.chains), events: count('count.events', result.events) })}
        </p>
        <p className="gov-callout-detail">
          {result.anchors > 0 ? t('integrity.okAnchors', { anchors: count('count.anchors', result.anchors) }) : t('integrity.okNoAnchors')}{' '}
          {t('integrity.checkedAt', { time: checkedAt })}
        </p>
      </div>
    );
  }
  const broken = result.brokenAt;
  let where = t('integrity.brokenUnknown');
  if (broken?.reportSeq !== undefined) where = t('integrity.brokenReport', { report: broken.reportSeq });
  else if (broken?.anchorSeq !== undefined) where = t('integrity.brokenAnchor', { anchor: broken.anchorSeq });
  else if (broken?.decisionId && broken.seq !== undefined) where = t('integrity.brokenEvent', { decision: broken.decisionId, seq: broken.seq });
  else if (broken?.decisionId) where = t('integrity.brokenChain', { decision: broken.decisionId });
  return (
    <div className="gov-callout gov-callout-bad">
      <p className="gov-verdict">
        <Mark ok={false} /> {where}
      </p>
      {broken ? (
        <p className="gov-callout-detail">
          {t(`integrity.reason.${broken.reason}`)} {broken.detail}
        </p>
      ) : null}
      <p className="gov-callout-detail">
        {t('integrity.brokenProgress', { chains: count('count.chains', result.chains), events: count('count.events', result.events) })}{' '}
        {t('integrity.checkedAt', { time: checkedAt })}
      </p>
    </div>
  );
}

function Mark({ ok }: { ok: boolean }) {
  return (
    <svg className="gov-mark" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="9" fill="currentColor" />
      {ok ? (
        <path d="M6 10.5 8.6 13 14 7.5" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <path d="M10 5.5v5.5M10 14.2v.1" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      )}
    </svg>
  );
}

function AnchorsPanel() {
  const { t, count } = useGovernanceI18n();
  const anchors = useAnchors();
  const seal = useSealAnchor();
  const message = useRef<HTMLParagraphElement>(null);
  const sealed = seal.data;
  return (
    <div className="gov-anchors">
      <div className="gov-subhead">
        <h3 className="gov-subtitle">{t('anchors.title')}</h3>
        <button
          type="button"
          className="button"
          disabled={seal.isPending}
          onClick={() => seal.mutate(undefined, { onSettled: () => setTimeout(() => message.current?.focus(), 0) })}
        >
          {seal.isPending ? t('anchors.sealing') : t('anchors.seal')}
        </button>
      </div>
      <p className="gov-note">{t('anchors.intro')}</p>
      <p ref={message} tabIndex={-1} className="gov-seal-message" role="status">
        {seal.isSuccess
          ? sealed
            ? t('anchors.sealed', { seq: sealed.seq, chains: count('count.chains', sealed.chains), events: count('count.events', sealed.events) })
            : t('anchors.nothingToSeal')
          : ''}
      </p>
      {seal.isError ? <BlockError error={seal.error} /> : null}
      <QueryBlock query={anchors}>
        {({ items }) => (items.length === 0 ? <BlockEmpty>{t('anchors.empty')}</BlockEmpty> : <AnchorTable anchors={items} />)}
      </QueryBlock>
    </div>
  );
}

function AnchorTable({ anchors }: { anchors: Anchor[] }) {
  const { t, formatNumber, formatInstant } = useGovernanceI18n();
  // Newest first: the latest seal is the one a verification is measured against.
  const rows = [...anchors].sort((a, b) => b.seq - a.seq);
  return (
    <ScrollTable label={t('anchors.title')}>
      <table className="data-table gov-table">
        <caption className="visually-hidden">{t('anchors.title')}</caption>
        <thead>
          <tr>
            <th scope="col" className="gov-num">
              {t('anchors.seq')}
            </th>
            <th scope="col">{t('anchors.createdAt')}</th>
            <th scope="col">{t('anchors.coveredUntil')}</th>
            <th scope="col" className="gov-num">
              {t('anchors.chains')}
            </th>
            <th scope="col" className="gov-num">
              {t('anchors.events')}
            </th>
            <th scope="col">{t('anchors.signed')}</th>
            <th scope="col">{t('anchors.root')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.seq}>
              <th scope="row" className="gov-num">
                {a.seq}
              </th>
              <td className="nowrap">{formatInstant(a.createdAt)}</td>
              <td className="nowrap">{formatInstant(a.coveredUntil)}</td>
              <td className="gov-num">{formatNumber(a.chains, 0)}</td>
              <td className="gov-num">{formatNumber(a.events, 0)}</td>
              <td>
                {a.signature ? (
                  <span className="gov-pill gov-pill-good">{t('anchors.signedYes')}</span>
                ) : (
                  <span className="gov-pill gov-pill-neutral">{t('anchors.signedNo')}</span>
                )}
              </td>
              <td>
                <span className="mono small gov-hash">{a.root}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
