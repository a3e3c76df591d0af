import type { MenuItemTemplate } from './electron-api';

export interface MenuActions {
  openAlarmWindow(): void;
  showAbout(): void;
}

/**
 * The application menu, in French. Items use Electron roles for behaviour (so accelerators and
 * platform conventions come for free) with explicit French labels. Developer tools only in
 * development: in a packaged console they would let anyone on the seat run code in the page.
 */
export function buildMenuTemplate(actions: MenuActions, options: { isPackaged: boolean }): MenuItemTemplate[] {
  const view: MenuItemTemplate[] = [
    { label: 'Recharger', role: 'reload' },
    { type: 'separator' },
    { label: 'Taille réelle', role: 'resetZoom' },
    { label: 'Zoom avant', role: 'zoomIn' },
    { label: 'Zoom arrière', role: 'zoomOut' },
    { type: 'separator' },
    { label: 'Plein écran', role: 'togglefullscreen' },
  ];
  if (!options.isPackaged) view.push({ type: 'separator' }, { label: 'Outils de développement', role: 'toggleDevTools' });

  return [
    { label: 'Fichier', submenu: [{ label: 'Quitter Beffroi', role: 'quit' }] },
    {
      label: 'Édition',
      submenu: [
        { label: 'Annuler', role: 'undo' },
        { label: 'Rétablir', role: 'redo' },
        { type: 'separator' },
        { label: 'Couper', role: 'cut' },
        { label: 'Copier', role: 'copy' },
        { label: 'Coller', role: 'paste' },
        { label: 'Tout sélectionner', role: 'selectAll' },
      ],
    },
    { label: 'Affichage', submenu: view },
    {
      label: 'Fenêtre',
      submenu: [
        { label: 'Fenêtre des alarmes', accelerator: 'CmdOrCtrl+Shift+A', click: () => actions.openAlarmWindow() },
        { type: 'separator' },
        { label: 'Réduire', role: 'minimize' },
        { label: 'Fermer', role: 'close' },
      ],
    },
    { label: 'Aide', submenu: [{ label: 'À propos de Beffroi', click: () => actions.showAbout() }] },
  ];
}
