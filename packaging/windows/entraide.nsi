; Entraide — installateur Windows (NSIS, Modern UI 2), construit sous Linux par scripts/windows/build.sh.
;   makensis -DVERSION=0.1.0 -DAPPDIR=…/build/windows/dist/entraide -DOUTFILE=…/Entraide-Installation-0.1.0.exe entraide.nsi
; Installation par utilisateur, sans droits d'administration, dans %LOCALAPPDATA%\Programs\Entraide.
; Les données du groupe (%LOCALAPPDATA%\Entraide) ne sont jamais touchées, ni à la mise à jour ni à la
; désinstallation.

; A 64-bit installer: the app is 64-bit (win_amd64) only, as are Windows 10 and 11 on these computers
; (and Wine without its 32-bit part, where this installer is checked, runs 64-bit programs only).
Target amd64-unicode
!include "MUI2.nsh"

!ifndef VERSION
  !error "VERSION manquante (-DVERSION=…)"
!endif
!ifndef APPDIR
  !error "APPDIR manquant (-DAPPDIR=dossier produit par PyInstaller)"
!endif
!ifndef OUTFILE
  !define OUTFILE "Entraide-Installation-${VERSION}.exe"
!endif

!define APP "Entraide"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Entraide"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma
ShowInstDetails nevershow
ShowUninstDetails nevershow
BrandingText "${APP} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1036 "ProductName" "${APP}"
VIAddVersionKey /LANG=1036 "FileDescription" "Installation d'Entraide"
VIAddVersionKey /LANG=1036 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "LegalCopyright" "Entraide"

!define MUI_ICON "entraide.ico"  ; makensis works in the script's folder
!define MUI_UNICON "entraide.ico"
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "Software\Entraide"
!define MUI_LANGDLL_REGISTRY_VALUENAME "Language"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_FINISHPAGE_RUN "$INSTDIR\entraide.exe"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "English"

LangString RunNow ${LANG_FRENCH} "Ouvrir Entraide maintenant"
LangString RunNow ${LANG_ENGLISH} "Open Entraide now"
LangString SecProgram ${LANG_FRENCH} "Entraide (obligatoire)"
LangString SecProgram ${LANG_ENGLISH} "Entraide (required)"
LangString SecDesktop ${LANG_FRENCH} "Raccourci sur le bureau"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString DescProgram ${LANG_FRENCH} "Le programme, et ses raccourcis dans le menu Démarrer."
LangString DescProgram ${LANG_ENGLISH} "The program, and its Start menu shortcuts."
LangString DescDesktop ${LANG_FRENCH} "Une icône Entraide sur le bureau."
LangString DescDesktop ${LANG_ENGLISH} "An Entraide icon on the desktop."
LangString Consultation ${LANG_FRENCH} "Entraide — calendrier (consultation)"
LangString Consultation ${LANG_ENGLISH} "Entraide — calendar (members' view)"
LangString ConsultationHint ${LANG_FRENCH} "Le calendrier des activités, pour les membres, sans phrase de passe"
LangString ConsultationHint ${LANG_ENGLISH} "The activity calendar, for members, without a passphrase"
LangString AppHint ${LANG_FRENCH} "Registre, calendrier, responsabilités, réunions et trésorerie du groupe"
LangString AppHint ${LANG_ENGLISH} "The group's register, calendar, responsibilities, meetings and treasury"
LangString StillRunning ${LANG_FRENCH} "Entraide est ouvert. Fermez-le, puis cliquez sur Réessayer."
LangString StillRunning ${LANG_ENGLISH} "Entraide is open. Close it, then click Retry."
LangString DataKept ${LANG_FRENCH} "Entraide est désinstallé. Les données du groupe (base chiffrée, clés, sauvegardes) sont gardées dans :$\r$\n$LOCALAPPDATA\Entraide$\r$\n$\r$\nPour les effacer aussi, supprimez ce dossier après en avoir gardé une sauvegarde."
LangString DataKept ${LANG_ENGLISH} "Entraide is uninstalled. The group's data (encrypted database, keys, backups) is kept in:$\r$\n$LOCALAPPDATA\Entraide$\r$\n$\r$\nTo erase it too, delete that folder after keeping a backup."

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; Program files only: an upgrade replaces them, the data folder is elsewhere and never touched.
Section "$(SecProgram)" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  retry:
  ClearErrors
  Delete "$INSTDIR\entraide.exe"
  IfErrors 0 +3
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" /SD IDCANCEL IDRETRY retry
    Abort
  RMDir /r "$INSTDIR\_internal"
  File /r "${APPDIR}\*.*"
  WriteUninstaller "$INSTDIR\Desinstaller-Entraide.exe"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\Entraide.lnk" "$INSTDIR\entraide.exe" "" "$INSTDIR\entraide.exe" 0 \
    SW_SHOWNORMAL "" "$(AppHint)"
  CreateShortcut "$SMPROGRAMS\${APP}\$(Consultation).lnk" "$INSTDIR\entraide.exe" "--consultation" \
    "$INSTDIR\entraide.exe" 0 SW_SHOWNORMAL "" "$(ConsultationHint)"
  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\entraide.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Desinstaller-Entraide.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Desinstaller-Entraide.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "$(SecDesktop)" SecDesktop
  CreateShortcut "$DESKTOP\Entraide.lnk" "$INSTDIR\entraide.exe" "" "$INSTDIR\entraide.exe" 0 \
    SW_SHOWNORMAL "" "$(AppHint)"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "$(DescProgram)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(DescDesktop)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; Removes the program and its shortcuts, never the data folder: it says where the data stays.
Section "Uninstall"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\entraide.exe"
  Delete "$INSTDIR\entraide-cli.exe"
  Delete "$INSTDIR\Desinstaller-Entraide.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}\Entraide.lnk"
  Delete "$SMPROGRAMS\${APP}\Entraide — calendrier (consultation).lnk"
  Delete "$SMPROGRAMS\${APP}\Entraide — calendar (members' view).lnk"
  RMDir "$SMPROGRAMS\${APP}"
  Delete "$DESKTOP\Entraide.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
  MessageBox MB_OK|MB_ICONINFORMATION "$(DataKept)" /SD IDOK
SectionEnd
