// The bottom bar: parameters, MACs, activation memory for a chosen batch size, validity,
// and the training backend.
import { useState } from 'react';
import { formatBytes, formatCount, formatExact } from '../editing/format';
import { useT } from '../i18n';
import { useAnalysis } from '../store/analysis';
import { useApp } from '../store/appStore';
import { useUi } from '../store/uiStore';

/** float32 activations: 4 bytes per element per sample. */
export function activationBytes(elements: number, batch: number): number {
  return elements * 4 * batch;
}

export function TotalsBar() {
  const t = useT();
  const analysis = useAnalysis((s) => s.analysis);
  const batch = useUi((s) => s.batchSize);
  const info = useApp((s) => s.info);
  const connectionProblem = useApp((s) => s.connectionProblem);
  const [batchDraft, setBatchDraft] = useState(String(batch));
  const { totals } = analysis;
  const errorCount = analysis.errors.length;
  const batchOk = /^\d+$/.test(batchDraft) && Number(batchDraft) >= 1 && Number(batchDraft) <= 65536;
  const backend = info ? (info.engines.includes('onnxruntime') ? `onnxruntime + ${info.backends[0]}` : info.backends[0]) : undefined;
  return (
    <footer className="totals-bar" data-testid="totals-bar">
      <span className="total" title={t('totals.paramsExact', { trainable: formatExact(totals.trainableParams), total: formatExact(totals.params) })}>
        <span className="total-label">{t('totals.params')}</span>
        <strong data-testid="total-params">{formatCount(totals.params)}</strong>
        <span className="muted">{t('totals.trainable', { n: formatCount(totals.trainableParams) })}</span>
      </span>
      <span className="total" title={formatExact(totals.macs)}>
        <span className="total-label">{t('totals.macs')}</span>
        <strong>{formatCount(totals.macs)}</strong>
      </span>
      <span className="total">
        <span className="total-label">{t('totals.memory')}</span>
        <strong title={t('totals.memoryHint')}>{batchOk ? formatBytes(activationBytes(totals.activationElements, Number(batchDraft))) : '—'}</strong>
        <label className="batch">
          {t('totals.batch')}
          <input
            value={batchDraft}
            className={batchOk ? '' : 'has-error'}
            onChange={(e) => {
              setBatchDraft(e.target.value);
              if (/^\d+$/.test(e.target.value) && Number(e.target.value) >= 1) useUi.getState().setBatchSize(Number(e.target.value));
            }}
            title={batchOk ? t('totals.batchHint') : t('totals.batchBad')}
            aria-invalid={!batchOk}
            data-testid="batch-size"
          />
        </label>
      </span>
      <span className={`validity ${errorCount ? 'bad' : 'good'}`} data-testid="validity">
        {errorCount === 0 ? t('totals.valid') : errorCount === 1 ? t('totals.oneProblem') : t('totals.problems', { n: errorCount })}
      </span>
      <span className="spacer" />
      <span className="backend" title={connectionProblem ?? (info ? t(info.engines.includes('onnxruntime') ? 'totals.engineHint' : 'totals.backendHint', { list: info.backends.join(', ') || '—' }) : '')}>
        {connectionProblem ? t('totals.offline') : backend ? t('totals.backend', { name: backend }) : t('totals.connecting')}
      </span>
    </footer>
  );
}
